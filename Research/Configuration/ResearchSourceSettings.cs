namespace DurableLessons.Research.Configuration;

/// <summary>One source's effective settings. Not a record, so the API key never shows up in a ToString().</summary>
public sealed class ResearchSourceSettings(
    string name,
    bool enabled,
    Uri? baseUrl,
    TimeSpan timeout,
    int maxResults,
    string? apiKey,
    string? site,
    string? searchPath)
{
    public string Name { get; } = name;

    public bool Enabled { get; } = enabled;

    public Uri? BaseUrl { get; } = baseUrl;

    public TimeSpan Timeout { get; } = timeout;

    public int MaxResults { get; } = maxResults;

    public string? ApiKey { get; } = apiKey;

    public string? Site { get; } = site;

    public string? SearchPath { get; } = searchPath;

    /// <summary>The base URL, or a clear error for a source that needs one and has none.</summary>
    public Uri RequireBaseUrl() =>
        BaseUrl ?? throw new InvalidOperationException(
            $"{ResearchOptions.SectionName}:Sources:{Name}:BaseUrl is not set, so the '{Name}' source has nowhere to search.");

    public override string ToString() => $"{Name} (enabled: {Enabled}, base: {BaseUrl}, timeout: {Timeout.TotalSeconds:0.#} s, max: {MaxResults})";
}
