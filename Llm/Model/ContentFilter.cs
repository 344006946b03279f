using System.ClientModel.Primitives;
using System.Text.Json;

namespace DurableLessons.Llm.Model;

/// <summary>
/// Recognises Azure OpenAI's refusal of a prompt: HTTP 400 whose error code is <c>content_filter</c>, with the
/// categories that tripped it under <c>error.innererror.content_filter_result</c> (<c>{"hate": {"filtered": true}}</c>).
/// </summary>
internal static class ContentFilter
{
    /// <summary>The filtered categories (possibly none named), or null when the response is not a content-filter refusal.</summary>
    public static IReadOnlyList<string>? CategoriesOf(PipelineResponse? response)
    {
        if (response is not { Status: 400 })
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Content);
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object
                || !error.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String
                || code.GetString() != "content_filter")
            {
                return null;
            }

            return error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object
                && inner.TryGetProperty("content_filter_result", out var result) && result.ValueKind == JsonValueKind.Object
                ? result.EnumerateObject().Where(IsFiltered).Select(c => c.Name).ToArray()
                : [];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsFiltered(JsonProperty category) =>
        category.Value.ValueKind == JsonValueKind.Object
        && category.Value.TryGetProperty("filtered", out var filtered)
        && filtered.ValueKind == JsonValueKind.True;
}
