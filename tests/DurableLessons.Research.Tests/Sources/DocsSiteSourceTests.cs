using DurableLessons.Research.Tests.Infrastructure;

namespace DurableLessons.Research.Tests.Sources;

public sealed class DocsSiteSourceTests
{
    private const string ResultsJson = """
        {"results":[
          {"title":"Joins","url":"/guide/joins.html","text":"A join combines rows from two tables on a related column.","score":12.5},
          {"title":"Indexes","url":"https://docs.example.org/guide/indexes.html","text":"Index the columns you join on.","score":3.25},
          {"title":"No text","url":"/guide/empty.html","text":""},
          {"title":"Bad link","url":"javascript:alert(1)","text":"Should not be cited."}
        ]}
        """;

    [Fact]
    public async Task Reads_the_documented_shape_resolving_relative_links_and_keeping_the_sites_scores()
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(context, ResultsJson));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable("docs", new Uri(api.BaseUrl, "manual/")));

        var notes = await services.Source("docs").SearchAsync(ResearchTestHost.Query("programming", "sql joins", maxResults: 3), CancellationToken.None);

        Assert.Equal(
            [
                new ResearchNoteView("Joins", $"{api.BaseUrl.AbsoluteUri}guide/joins.html", "docs"),
                new ResearchNoteView("Indexes", "https://docs.example.org/guide/indexes.html", "docs"),
            ],
            notes.Select(ResearchNoteView.Of));
        Assert.Equal([12.5, 3.25], notes.Select(note => note.Score));

        var request = Assert.Single(api.Requests);
        Assert.Equal("/manual/search.json", request.Path);
        Assert.Equal("sql joins programming", request.Query["q"]);
        Assert.Equal("3", request.Query["limit"]);
    }

    [Fact]
    public async Task A_configured_search_path_template_is_used()
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(context, """{"results":[]}"""));
        var settings = ResearchTestHost.Enable("docs", api.BaseUrl);
        settings["Research:Sources:docs:SearchPath"] = "api/v2/find?term={query}&top={limit}";
        using var services = ResearchTestHost.Build(settings);

        await services.Source("docs").SearchAsync(ResearchTestHost.Query("math", "fractions", maxResults: 2), CancellationToken.None);

        var request = Assert.Single(api.Requests);
        Assert.Equal("/api/v2/find", request.Path);
        Assert.Equal("fractions math", request.Query["term"]);
        Assert.Equal("2", request.Query["top"]);
    }
}
