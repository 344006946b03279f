namespace DurableLessons.Research.Configuration;

/// <summary>What each built-in source uses for a value its configuration leaves out.</summary>
public static class ResearchSourceDefaults
{
    public const int MaxResults = 5;
    public const string StackExchangeSite = "stackoverflow";

    /// <summary>Relative to the docs base URL; the response shape is described in Research/README.md.</summary>
    public const string DocsSearchPath = "search.json?q={query}&limit={limit}";

    public static ResearchSourceOptions For(string name) => name.ToLowerInvariant() switch
    {
        ResearchSourceNames.Local => new() { Enabled = true, MaxResults = 8 },
        ResearchSourceNames.Wikipedia => new() { BaseUrl = "https://en.wikipedia.org" },
        ResearchSourceNames.StackExchange => new() { BaseUrl = "https://api.stackexchange.com", Site = StackExchangeSite },
        ResearchSourceNames.GitHub => new() { BaseUrl = "https://api.github.com" },
        ResearchSourceNames.DevTo => new() { BaseUrl = "https://dev.to" },
        ResearchSourceNames.Docs => new() { SearchPath = DocsSearchPath },
        _ => new(),
    };
}
