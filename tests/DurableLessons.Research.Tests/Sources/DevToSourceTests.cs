using DurableLessons.Research.Sources.DevTo;
using DurableLessons.Research.Tests.Infrastructure;

namespace DurableLessons.Research.Tests.Sources;

public sealed class DevToSourceTests
{
    // Shaped like GET /api/articles: in lists, tag_list is an array and tags a comma-separated string.
    private const string ArticlesJson = """
        [
          {"type_of":"article","id":501,"title":"Understanding await in C#","description":"What await really does to your method, step by step.",
           "readable_publish_date":"Mar 3","slug":"understanding-await-4k2j","path":"/ana/understanding-await-4k2j","url":"https://dev.to/ana/understanding-await-4k2j",
           "comments_count":4,"public_reactions_count":120,"positive_reactions_count":120,"published_at":"2024-03-03T10:00:00Z",
           "tag_list":["csharp","dotnet","await"],"tags":"csharp, dotnet, await","user":{"name":"Ana","username":"ana"}},
          {"type_of":"article","id":502,"title":"No description here","description":"","url":"https://dev.to/ben/no-description","tag_list":["await"],"tags":"await","public_reactions_count":3}
        ]
        """;

    [Fact]
    public async Task Tries_tags_from_the_topic_until_one_has_articles()
    {
        await using var api = await FakeApi.StartAsync(context =>
            FakeApi.Json(context, context.Request.Query["tag"] == "await" ? ArticlesJson : "[]"));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable("devto", api.BaseUrl));

        var notes = await services.Source("devto").SearchAsync(ResearchTestHost.Query("programming", "async await", maxResults: 4), CancellationToken.None);

        var note = Assert.Single(notes);
        Assert.Equal(new ResearchNoteView("Understanding await in C#", "https://dev.to/ana/understanding-await-4k2j", "devto"), ResearchNoteView.Of(note));
        Assert.Equal("What await really does to your method, step by step. Tags: csharp, dotnet, await.", note.Text);
        Assert.Equal(["async", "await"], api.Requests.Select(request => request.Query["tag"]));
        Assert.All(api.Requests, request =>
        {
            Assert.Equal("/api/articles", request.Path);
            Assert.Equal("4", request.Query["per_page"]);
        });
    }

    [Fact]
    public async Task No_articles_for_any_tag_is_an_empty_answer_not_an_error()
    {
        await using var api = await FakeApi.StartAsync(context => FakeApi.Json(context, "[]"));
        using var services = ResearchTestHost.Build(ResearchTestHost.Enable("devto", api.BaseUrl));

        var notes = await services.Source("devto").SearchAsync(ResearchTestHost.Query("science", "water cycle"), CancellationToken.None);

        Assert.Empty(notes);
        Assert.Equal(["water", "cycle", "science"], api.Requests.Select(request => request.Query["tag"]));
    }

    [Fact]
    public void Tags_are_single_lower_case_words_with_programming_names_spelled_out() =>
        Assert.Equal(["csharp", "generics", "programming"], DevToTags.Candidates(ResearchTestHost.Query("Programming", "C# and generics")));
}
