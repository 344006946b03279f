using System.Text.Json.Nodes;

namespace DurableLessons.Lessons.Tests;

/// <summary>Research fans out over every enabled source at once; slow, hanging and failing sources do not sink the run.</summary>
public sealed class ResearchFanOutTests
{
    [Fact]
    public async Task Sources_are_asked_in_parallel_and_a_hanging_or_failing_source_is_skipped()
    {
        await using var apis = await FakeResearchApis.StartAsync(answerDelay: TimeSpan.FromSeconds(1.5));
        var settings = new Dictionary<string, string>();
        foreach (var source in new[] { "wikipedia", "devto", "stackexchange", "github" })
        {
            settings[$"Research:Sources:{source}:Enabled"] = "true";
            settings[$"Research:Sources:{source}:BaseUrl"] = apis.BaseUrl;
            settings[$"Research:Sources:{source}:TimeoutSeconds"] = "3";
        }

        await using var host = await RunningHost.StartAsync(settings);

        using var response = await host.PostLessonAsync("english", "verbs", "beginner");
        var status = await host.PollUntilDoneAsync(response.Headers.Location!);

        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        var progress = status["customStatus"]!.AsObject();
        Assert.Equal(5, progress["sourcesTotal"]!.GetValue<int>());
        Assert.Equal(5, progress["sourcesDone"]!.GetValue<int>());

        using var lessonResponse = await host.Client.GetAsync(status["output"]!["url"]!.GetValue<string>());
        var citations = (await RunningHost.ReadObjectAsync(lessonResponse))["document"]!["citations"]!.AsArray();
        var citedSources = citations.Select(c => c!["source"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("local", citedSources);
        Assert.Contains("wikipedia", citedSources);
        Assert.DoesNotContain("github", citedSources);
        Assert.DoesNotContain("stackexchange", citedSources);

        // Fan-out, not a chain: the two slow sources were both in flight at the same time.
        var wikipedia = Assert.Single(apis.Calls, c => c.Api == "wikipedia");
        var devto = Assert.Single(apis.Calls, c => c.Api == "devto");
        Assert.True(
            wikipedia.Started < devto.Ended && devto.Started < wikipedia.Ended,
            $"Expected overlapping calls: wikipedia {wikipedia.Started:O}–{wikipedia.Ended:O}, devto {devto.Started:O}–{devto.Ended:O}");

        using var history = await host.Client.GetAsync($"{response.Headers.Location}?showHistory=true&showHistoryOutput=true");
        var events = JsonNode.Parse(await history.Content.ReadAsStringAsync())!["historyEvents"]!.ToJsonString();
        Assert.Contains("stackexchange", events, StringComparison.Ordinal);
        Assert.Contains("did not answer within 3 s", events, StringComparison.Ordinal);
    }
}
