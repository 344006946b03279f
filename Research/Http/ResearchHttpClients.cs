namespace DurableLessons.Research.Http;

internal static class ResearchHttpClients
{
    /// <summary>Largest response read from a source; a search result page is far smaller.</summary>
    public const long MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The <see cref="IHttpClientFactory"/> name of a source's client, e.g. "Research.wikipedia".</summary>
    public static string NameFor(string source) => $"Research.{source}";
}
