using DurableLessons.Llm.Model;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm.Configuration;

/// <summary>Start-up checks whose messages name the offending configuration key.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public const int MaxTimeoutSeconds = 3600;
    public const int MaxRetryAfterCapSeconds = 60;

    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRetryAfterSeconds is < 0 or > MaxRetryAfterCapSeconds)
        {
            failures.Add($"{LlmOptions.SectionName}:MaxRetryAfterSeconds must be between 0 and {MaxRetryAfterCapSeconds}.");
        }

        for (var index = 0; index < options.Providers.Count; index++)
        {
            if (options.Providers[index].IsBlank)
            {
                continue;
            }

            ValidateProvider(options.Providers[index], $"{LlmOptions.SectionName}:Providers:{index}", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateProvider(LlmProviderOptions provider, string key, List<string> failures)
    {
        var kind = LlmProviderKinds.Of(provider);
        if (kind is null)
        {
            failures.Add($"{key}:Kind '{provider.Kind!.Trim()}' is not known; use one of: {LlmProviderKinds.Names}.");
        }
        else if (kind == LlmProviderKind.AzureOpenAI)
        {
            ValidateAzure(provider, key, failures);
        }
        else
        {
            ValidateOpenAI(provider, key, failures);
        }

        if (!string.IsNullOrWhiteSpace(provider.Endpoint) && !IsHttpUrl(provider.Endpoint))
        {
            failures.Add($"{key}:Endpoint must be an absolute http or https URL, such as https://api.openai.com/v1.");
        }

        if (provider.TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            failures.Add($"{key}:TimeoutSeconds must be between 1 and {MaxTimeoutSeconds}.");
        }
    }

    private static void ValidateOpenAI(LlmProviderOptions provider, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(provider.Model))
        {
            failures.Add($"{key}:Model is required (the model name to call).");
        }

        // Silently ignoring them would hide a provider that was meant to be Azure OpenAI.
        foreach (var (setting, value) in AzureOnlySettings(provider))
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{key}:{setting} applies to {nameof(LlmProviderKind.AzureOpenAI)} providers only; set {key}:Kind to {nameof(LlmProviderKind.AzureOpenAI)} or remove it.");
            }
        }
    }

    private static void ValidateAzure(LlmProviderOptions provider, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(provider.Deployment) && string.IsNullOrWhiteSpace(provider.Model))
        {
            failures.Add($"{key}:Deployment is required for an {nameof(LlmProviderKind.AzureOpenAI)} provider (or {key}:Model, which it falls back to).");
        }

        if (string.IsNullOrWhiteSpace(provider.Endpoint))
        {
            failures.Add($"{key}:Endpoint is required for an {nameof(LlmProviderKind.AzureOpenAI)} provider, such as https://<resource>.openai.azure.com/.");
        }

        if (!string.IsNullOrWhiteSpace(provider.ApiVersion) && AzureApiVersions.Parse(provider.ApiVersion) is null)
        {
            failures.Add($"{key}:ApiVersion '{provider.ApiVersion.Trim()}' is not one this client supports; use one of: {string.Join(", ", AzureApiVersions.Known)}, or leave it out for the default.");
        }
    }

    private static IEnumerable<(string Setting, string? Value)> AzureOnlySettings(LlmProviderOptions provider) =>
    [
        (nameof(provider.Deployment), provider.Deployment),
        (nameof(provider.ApiVersion), provider.ApiVersion),
        (nameof(provider.ManagedIdentityClientId), provider.ManagedIdentityClientId),
    ];

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
