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
        if (string.IsNullOrWhiteSpace(provider.Model))
        {
            failures.Add($"{key}:Model is required (the model or Azure deployment name to call).");
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

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
