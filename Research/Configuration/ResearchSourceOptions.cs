namespace DurableLessons.Research.Configuration;

/// <summary>
/// One source's section, <c>Research:Sources:{name}</c>. Every value is optional: what is left out takes the
/// source's default (see <see cref="ResearchSourceDefaults"/>).
/// </summary>
public sealed class ResearchSourceOptions
{
    public bool? Enabled { get; set; }

    /// <summary>The API root, e.g. <c>https://en.wikipedia.org</c>; required for <c>docs</c>.</summary>
    public string? BaseUrl { get; set; }

    public int? TimeoutSeconds { get; set; }

    /// <summary>The most notes this source returns for one query.</summary>
    public int? MaxResults { get; set; }

    /// <summary>github: sent as a Bearer token; stackexchange: sent as the <c>key</c> parameter (raises the quota).</summary>
    public string? ApiKey { get; set; }

    /// <summary>stackexchange: the site to search (default <c>stackoverflow</c>).</summary>
    public string? Site { get; set; }

    /// <summary>docs: the search URL relative to the base URL, with <c>{query}</c> and optionally <c>{limit}</c>.</summary>
    public string? SearchPath { get; set; }
}
