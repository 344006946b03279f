namespace DurableLessons.Llm.Configuration;

/// <summary>Which client talks to a provider (<c>Llm:Providers:{n}:Kind</c>).</summary>
public enum LlmProviderKind
{
    /// <summary>The OpenAI client: OpenAI itself or any server that speaks its chat-completions API.</summary>
    OpenAI,

    /// <summary>The Azure OpenAI client: deployments, <c>api-version</c>, <c>api-key</c> or Entra ID.</summary>
    AzureOpenAI,
}

internal static class LlmProviderKinds
{
    private static readonly string[] AzureHostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com"];

    public static string Names => string.Join(", ", Enum.GetNames<LlmProviderKind>());

    /// <summary>The configured kind, else the one the endpoint's host implies; null when the configured one is unknown.</summary>
    public static LlmProviderKind? Of(LlmProviderOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Kind))
        {
            // Enum.TryParse also takes numbers ("1"), which would be a confusing way to say AzureOpenAI.
            return Enum.GetNames<LlmProviderKind>().FirstOrDefault(n => string.Equals(n, options.Kind.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse<LlmProviderKind>(name)
                : null;
        }

        var host = Uri.TryCreate(options.Endpoint?.Trim(), UriKind.Absolute, out var uri) ? uri.Host : string.Empty;
        return AzureHostSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            ? LlmProviderKind.AzureOpenAI
            : LlmProviderKind.OpenAI;
    }
}
