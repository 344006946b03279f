using System.Text.RegularExpressions;

namespace DurableLessons.Research.Sources.Wikipedia;

/// <summary>Picks the Wikipedia edition for the lesson's language: en.wikipedia.org becomes fr.wikipedia.org for "fr-CA".</summary>
internal static partial class WikipediaEndpoint
{
    /// <summary>
    /// The base URL for <paramref name="language"/> (a BCP 47 tag; its primary subtag names the edition). Only a
    /// *.wikipedia.org host is rewritten; any other base URL (a mirror, a proxy, a test server) is used as is.
    /// </summary>
    public static Uri ForLanguage(Uri baseUrl, string? language)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var tag = language is null ? null : LanguageTag().Match(language.Trim());
        var host = WikipediaHost().Match(baseUrl.Host);
        if (tag is not { Success: true } || !host.Success)
        {
            return baseUrl;
        }

        var edition = tag.Groups["primary"].Value.ToLowerInvariant();
        return new UriBuilder(baseUrl) { Host = edition + baseUrl.Host[host.Groups["edition"].Length..] }.Uri;
    }

    [GeneratedRegex("^(?<primary>[a-zA-Z]{2,3})(-[a-zA-Z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^(?<edition>[a-z]{2,3}(-[a-z]+)?)\.(m\.)?wikipedia\.org$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WikipediaHost();
}
