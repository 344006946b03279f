namespace DurableLessons.Research.Configuration;

/// <summary>
/// The "Research" configuration section. Only the local corpus is enabled unless configuration enables more
/// (env form: <c>Research__Sources__wikipedia__Enabled=true</c>).
/// </summary>
public sealed class ResearchOptions
{
    public const string SectionName = "Research";

    public const string DefaultUserAgent = "DurableLessons-Research/1.0 (lesson research; set Research:UserAgent to add a contact)";

    /// <summary>Folder of Markdown/text notes the local source searches; defaults to the shipped corpus ({app}/Corpus).</summary>
    public string? CorpusPath { get; set; }

    /// <summary>Timeout of a source without its own <c>TimeoutSeconds</c>.</summary>
    public int DefaultTimeoutSeconds { get; set; } = 10;

    /// <summary>Sent with every request. Public APIs (Wikipedia in particular) ask for a descriptive agent with a contact.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Per-source settings keyed by source name (case-insensitive); missing values take the source's defaults.</summary>
    public Dictionary<string, ResearchSourceOptions> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The corpus folder as a full path.</summary>
    public string ResolveCorpusPath() =>
        string.IsNullOrWhiteSpace(CorpusPath)
            ? Path.Combine(AppContext.BaseDirectory, "Corpus")
            : Path.GetFullPath(CorpusPath.Trim());

    /// <summary>The effective settings of one source: configured values over the source's defaults.</summary>
    public ResearchSourceSettings For(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var defaults = ResearchSourceDefaults.For(name);
        Sources.TryGetValue(name, out var configured);
        var baseUrl = Blank(configured?.BaseUrl) ?? defaults.BaseUrl;
        return new ResearchSourceSettings(
            name.ToLowerInvariant(),
            configured?.Enabled ?? defaults.Enabled ?? false,
            baseUrl is not null && Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri) ? uri : null,
            TimeSpan.FromSeconds(configured?.TimeoutSeconds ?? DefaultTimeoutSeconds),
            configured?.MaxResults ?? defaults.MaxResults ?? ResearchSourceDefaults.MaxResults,
            Blank(configured?.ApiKey),
            Blank(configured?.Site) ?? defaults.Site,
            Blank(configured?.SearchPath) ?? defaults.SearchPath);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
