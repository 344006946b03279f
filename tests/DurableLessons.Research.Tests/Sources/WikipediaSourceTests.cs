using DurableLessons.Research.Sources.Wikipedia;
using DurableLessons.Research.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Research.Tests.Sources;

public sealed class WikipediaSourceTests
{
    // Shaped like GET /w/rest.php/v1/search/page on en.wikipedia.org.
    private const string SearchJson = """
        {"pages":[
          {"id":1101,"key":"English_irregular_verbs","title":"English irregular verbs","excerpt":"The <span class=\"searchmatch\">English</span> language has many <span class=\"searchmatch\">irregular</span> <span class=\"searchmatch\">verbs</span>","matched_title":null,"description":"Verbs with non-standard past forms","thumbnail":null},
          {"id":1102,"key":"Regular_and_irregular_verbs","title":"Regular and irregular verbs","excerpt":"A regular verb follows the typical pattern; an <span class=\"searchmatch\">irregular</span> one does not","matched_title":null,"description":null,"thumbnail":null},
          {"id":1103,"key":"Verb_(disambiguation)","title":"Verb (disambiguation)","excerpt":"Verb may refer to","matched_title":null,"description":null,"thumbnail":null}
        ]}
        """;

    // Shaped like GET /api/rest_v1/page/summary/{title}.
    private const string SummaryJson = """
        {"type":"standard","title":"English irregular verbs","displaytitle":"English irregular verbs","pageid":1101,
         "extract":"The English language has about 200 irregular verbs in common use. Their past forms do not end in -ed.",
         "extract_html":"<p>The English language has about 200 irregular verbs in common use.</p>",
         "description":"Verbs with non-standard past forms",
         "content_urls":{"desktop":{"page":"https://en.wikipedia.org/wiki/English_irregular_verbs"},"mobile":{"page":"https://en.m.wikipedia.org/wiki/English_irregular_verbs"}}}
        """;

    private const string DisambiguationJson = """
        {"type":"disambiguation","title":"Verb (disambiguation)","extract":"Verb may refer to:","content_urls":{"desktop":{"page":"https://en.wikipedia.org/wiki/Verb_(disambiguation)"}}}
        """;

    [Fact]
    public async Task Searches_then_reads_summaries_falling_back_to_the_excerpt_and_skipping_disambiguation()
    {
        await using var api = await FakeApi.StartAsync(context => context.Request.Path.Value switch
        {
            "/w/rest.php/v1/search/page" => FakeApi.Json(context, SearchJson),
            "/api/rest_v1/page/summary/English_irregular_verbs" => FakeApi.Json(context, SummaryJson),
            "/api/rest_v1/page/summary/Regular_and_irregular_verbs" => FakeApi.Json(context, "{\"title\":\"Internal error\"}", StatusCodes.Status500InternalServerError),
            "/api/rest_v1/page/summary/Verb_(disambiguation)" => FakeApi.Json(context, DisambiguationJson),
            _ => FakeApi.Json(context, "{}", StatusCodes.Status404NotFound),
        });
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable("wikipedia", api.BaseUrl));

        var notes = await services.Source("wikipedia").SearchAsync(ResearchTestHost.Query("english", "irregular verbs", maxResults: 3), CancellationToken.None);

        Assert.Equal(2, notes.Count);
        Assert.Equal(new ResearchNoteView("English irregular verbs", "https://en.wikipedia.org/wiki/English_irregular_verbs", "wikipedia"), ResearchNoteView.Of(notes[0]));
        Assert.Equal("The English language has about 200 irregular verbs in common use. Their past forms do not end in -ed.", notes[0].Text);
        Assert.Equal("Regular and irregular verbs", notes[1].Title);
        Assert.Equal("A regular verb follows the typical pattern; an irregular one does not", notes[1].Text);
        Assert.Equal($"{api.BaseUrl.AbsoluteUri}wiki/Regular_and_irregular_verbs", notes[1].Url);
        Assert.True(notes[0].Score > notes[1].Score);

        var search = api.Requests.First(request => request.Path == "/w/rest.php/v1/search/page");
        Assert.Equal("irregular verbs english", search.Query["q"]);
        Assert.Equal("3", search.Query["limit"]);
        Assert.StartsWith("DurableLessons-Research/", search.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://en.wikipedia.org", "fr", "https://fr.wikipedia.org/")]
    [InlineData("https://en.wikipedia.org/", "pt-BR", "https://pt.wikipedia.org/")]
    [InlineData("https://en.m.wikipedia.org", "de", "https://de.m.wikipedia.org/")]
    [InlineData("https://en.wikipedia.org", "not a language", "https://en.wikipedia.org/")]
    [InlineData("http://127.0.0.1:5000/wiki-mirror", "fr", "http://127.0.0.1:5000/wiki-mirror")]
    public void The_edition_follows_the_lesson_language_only_on_wikipedia_hosts(string baseUrl, string language, string expected) =>
        Assert.Equal(expected, WikipediaEndpoint.ForLanguage(new Uri(baseUrl), language).AbsoluteUri);
}
