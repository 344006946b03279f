using System.Text.Json.Nodes;

namespace DurableLessons.Testing.Models;

/// <summary>
/// The body of Azure OpenAI's refusal of a prompt (sent with HTTP 400): error code <c>content_filter</c> and, under
/// <c>innererror.content_filter_result</c>, each category with <c>filtered: true</c> when it is in <paramref name="filtered"/>.
/// </summary>
public static class AzureContentFilter
{
    public static JsonObject Refusal(params string[] filtered)
    {
        var result = new JsonObject { ["jailbreak"] = new JsonObject { ["filtered"] = false, ["detected"] = false } };
        foreach (var category in new[] { "hate", "self_harm", "sexual", "violence" })
        {
            var isFiltered = filtered.Contains(category);
            result[category] = new JsonObject { ["filtered"] = isFiltered, ["severity"] = isFiltered ? "high" : "safe" };
        }

        return new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
                ["type"] = null,
                ["param"] = "prompt",
                ["code"] = "content_filter",
                ["status"] = 400,
                ["innererror"] = new JsonObject { ["code"] = "ResponsibleAIPolicyViolation", ["content_filter_result"] = result },
            },
        };
    }
}
