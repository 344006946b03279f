namespace DurableLessons.Research;

/// <summary>The configuration and wire names of the built-in research sources.</summary>
public static class ResearchSourceNames
{
    public const string Local = "local";
    public const string Wikipedia = "wikipedia";
    public const string StackExchange = "stackexchange";
    public const string GitHub = "github";
    public const string DevTo = "devto";
    public const string Docs = "docs";

    /// <summary>Every built-in source, in the order listings show them.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Local, Wikipedia, StackExchange, GitHub, DevTo, Docs];

    /// <summary>The sources that call a web API (all but <see cref="Local"/>).</summary>
    public static IReadOnlyList<string> Remote { get; } = [Wikipedia, StackExchange, GitHub, DevTo, Docs];

    public static bool IsBuiltIn(string name) => BuiltIn.Contains(name, StringComparer.OrdinalIgnoreCase);
}
