using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Configuration;

/// <summary>Start-up checks whose messages name the offending configuration key.</summary>
internal sealed class ResearchOptionsValidator : IValidateOptions<ResearchOptions>
{
    public const int MaxTimeoutSeconds = 600;
    public const int MaxResultsCap = 50;

    private const string Section = ResearchOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ResearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.DefaultTimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            failures.Add($"{Section}:DefaultTimeoutSeconds must be between 1 and {MaxTimeoutSeconds}; got {options.DefaultTimeoutSeconds}.");
        }

        if (!IsValidUserAgent(options.UserAgent))
        {
            failures.Add($"{Section}:UserAgent must be a valid User-Agent header such as \"MyLessons/1.0 (+mailto:ops@example.org)\".");
        }

        foreach (var (sourceName, source) in options.Sources)
        {
            if (!ResearchSourceNames.IsBuiltIn(sourceName))
            {
                failures.Add($"{Section}:Sources:{sourceName} is not a known research source (known: {string.Join(", ", ResearchSourceNames.BuiltIn)}).");
                continue;
            }

            ValidateSource(sourceName.ToLowerInvariant(), source, failures);
        }

        ValidateRequiredBaseUrls(options, failures);
        ValidateCorpus(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSource(string sourceName, ResearchSourceOptions source, List<string> failures)
    {
        var key = $"{Section}:Sources:{sourceName}";
        if (source.BaseUrl is { } baseUrl && !string.IsNullOrWhiteSpace(baseUrl) && !IsHttpUrl(baseUrl))
        {
            failures.Add($"{key}:BaseUrl must be an absolute http or https URL; got '{baseUrl}'.");
        }

        if (source.TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            failures.Add($"{key}:TimeoutSeconds must be between 1 and {MaxTimeoutSeconds}; got {source.TimeoutSeconds}.");
        }

        if (source.MaxResults is < 1 or > MaxResultsCap)
        {
            failures.Add($"{key}:MaxResults must be between 1 and {MaxResultsCap}; got {source.MaxResults}.");
        }

        if (source.Site is { } site && !string.IsNullOrWhiteSpace(site) && !site.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
        {
            failures.Add($"{key}:Site must be a Stack Exchange site name such as 'stackoverflow' or 'math'; got '{site}'.");
        }

        if (source.SearchPath is { } path && !string.IsNullOrWhiteSpace(path) && !path.Contains("{query}", StringComparison.Ordinal))
        {
            failures.Add($"{key}:SearchPath must contain the {{query}} placeholder; got '{path}'.");
        }
    }

    private static void ValidateRequiredBaseUrls(ResearchOptions options, List<string> failures)
    {
        foreach (var sourceName in ResearchSourceNames.Remote)
        {
            var settings = options.For(sourceName);
            var configured = options.Sources.TryGetValue(sourceName, out var source) ? source.BaseUrl : null;
            if (settings.Enabled && settings.BaseUrl is null && string.IsNullOrWhiteSpace(configured))
            {
                failures.Add($"{Section}:Sources:{sourceName}:BaseUrl is required when the '{sourceName}' source is enabled.");
            }
        }
    }

    private static void ValidateCorpus(ResearchOptions options, List<string> failures)
    {
        if (!options.For(ResearchSourceNames.Local).Enabled)
        {
            return;
        }

        string path;
        try
        {
            path = options.ResolveCorpusPath();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            failures.Add($"{Section}:CorpusPath is not a valid path ('{options.CorpusPath}'): {ex.Message}");
            return;
        }

        if (!Directory.Exists(path))
        {
            failures.Add($"{Section}:CorpusPath '{path}' does not exist; the local source reads Markdown and text notes from it (or disable it with {Section}:Sources:local:Enabled=false).");
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static bool IsValidUserAgent(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        using var request = new HttpRequestMessage();
        return request.Headers.UserAgent.TryParseAdd(value) && request.Headers.UserAgent.Any(p => p.Product is not null);
    }
}
