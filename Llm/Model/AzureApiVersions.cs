using Azure.AI.OpenAI;

namespace DurableLessons.Llm.Model;

/// <summary>
/// The <c>api-version</c> labels Azure.AI.OpenAI can send ("2024-10-21", "2025-04-01-preview"), read from its
/// ServiceVersion enum so that a new SDK brings its new versions with it.
/// </summary>
internal static class AzureApiVersions
{
    public static IReadOnlyList<string> Known { get; } =
        Enum.GetValues<AzureOpenAIClientOptions.ServiceVersion>().Select(LabelOf).ToArray();

    public static AzureOpenAIClientOptions.ServiceVersion? Parse(string? label) =>
        string.IsNullOrWhiteSpace(label)
            ? null
            : Enum.GetValues<AzureOpenAIClientOptions.ServiceVersion>()
                .Where(v => string.Equals(LabelOf(v), label.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(v => (AzureOpenAIClientOptions.ServiceVersion?)v)
                .FirstOrDefault();

    // V2025_04_01_Preview is sent as "2025-04-01-preview".
    private static string LabelOf(AzureOpenAIClientOptions.ServiceVersion version) =>
        version.ToString().TrimStart('V').Replace('_', '-').ToLowerInvariant();
}
