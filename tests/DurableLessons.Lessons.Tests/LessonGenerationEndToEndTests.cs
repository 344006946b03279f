using System.Net;
using System.Text.Json.Nodes;

namespace DurableLessons.Lessons.Tests;

/// <summary>The whole path a user takes, over HTTP against the real embedded host with its offline defaults.</summary>
public sealed class LessonGenerationEndToEndTests
{
    [Fact]
    public async Task A_lesson_request_is_accepted_at_once_then_polled_to_a_grounded_lesson_and_a_second_request_adds_version_1_1()
    {
        await using var host = await RunningHost.StartAsync();

        using var first = await host.PostLessonAsync("english", "verbs", "beginner");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var payload = await RunningHost.ReadObjectAsync(first);
        var statusUri = new Uri(payload["statusQueryGetUri"]!.GetValue<string>());
        Assert.Equal(statusUri, first.Headers.Location);
        Assert.NotNull(first.Headers.RetryAfter);

        var status = await host.PollUntilDoneAsync(statusUri);
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        var output = status["output"]!.AsObject();
        Assert.Equal("1.0", output["version"]!.GetValue<string>());
        Assert.Equal("offline", output["generator"]!.GetValue<string>());
        Assert.Equal("english", output["subject"]!.GetValue<string>());
        Assert.Equal(0, output["usage"]!["calls"]!.GetValue<int>());
        var progress = status["customStatus"]!.AsObject();
        Assert.Equal("completed", progress["stage"]!.GetValue<string>());
        Assert.Equal(100, progress["percent"]!.GetValue<int>());
        Assert.Equal(progress["sourcesTotal"]!.GetValue<int>(), progress["sourcesDone"]!.GetValue<int>());

        using var lessonResponse = await host.Client.GetAsync(output["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, lessonResponse.StatusCode);
        var lesson = await RunningHost.ReadObjectAsync(lessonResponse);
        Assert.Equal("1.0", lesson["version"]!.GetValue<string>());
        var document = lesson["document"]!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(document["title"]!.GetValue<string>()));
        Assert.NotEmpty(document["sections"]!.AsArray());
        Assert.NotEmpty(document["quiz"]!.AsArray());
        var citations = document["citations"]!.AsArray();
        Assert.NotEmpty(citations);
        Assert.All(citations, c =>
        {
            Assert.Equal("local", c!["source"]!.GetValue<string>());
            Assert.StartsWith("corpus://english/", c["url"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        var citedIds = document["sections"]!.AsArray().SelectMany(s => s!["citationIds"]!.AsArray().Select(id => id!.GetValue<int>())).ToHashSet();
        Assert.Subset(citations.Select(c => c!["id"]!.GetValue<int>()).ToHashSet(), citedIds);

        using var second = await host.PostLessonAsync("English ", " VERBS", "beginner");
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var secondStatus = await host.PollUntilDoneAsync(second.Headers.Location!);
        Assert.Equal("1.1", secondStatus["output"]!["version"]!.GetValue<string>());

        using var versionsResponse = await host.Client.GetAsync("/api/lessons/english/verbs/versions?level=beginner");
        var versions = (await RunningHost.ReadObjectAsync(versionsResponse))["versions"]!.AsArray();
        Assert.Equal(["1.0", "1.1"], versions.Select(v => v!["version"]!.GetValue<string>()));

        using var oldVersion = await host.Client.GetAsync("/api/lessons/english/verbs/versions/1.0?level=beginner");
        Assert.Equal(HttpStatusCode.OK, oldVersion.StatusCode);
        Assert.Equal("1.0", (await RunningHost.ReadObjectAsync(oldVersion))["version"]!.GetValue<string>());

        using var latest = await host.Client.GetAsync("/api/lessons/english/verbs?level=beginner");
        Assert.Equal("1.1", (await RunningHost.ReadObjectAsync(latest))["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fifty_concurrent_posts_for_one_lesson_start_one_run_and_all_answer_its_payload()
    {
        await using var host = await RunningHost.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.PostLessonAsync("math", "fractions", "beginner")));
        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            var ids = new HashSet<string>();
            foreach (var response in responses)
            {
                ids.Add((await RunningHost.ReadObjectAsync(response))["id"]!.GetValue<string>());
            }

            var id = Assert.Single(ids);
            var status = await host.PollUntilDoneAsync(responses[0].Headers.Location!);
            Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());

            using var versionsResponse = await host.Client.GetAsync("/api/lessons/math/fractions/versions?level=beginner");
            var versions = (await RunningHost.ReadObjectAsync(versionsResponse))["versions"]!.AsArray();
            var only = Assert.Single(versions);
            Assert.Equal("1.0", only!["version"]!.GetValue<string>());

            using var runs = await host.Client.GetAsync($"/runtime/webhooks/durabletask/instances?instanceIdPrefix={Uri.EscapeDataString(id)}");
            Assert.Single(JsonNode.Parse(await runs.Content.ReadAsStringAsync())!.AsArray());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_topic_the_sources_know_nothing_about_fails_with_a_reason_instead_of_an_empty_lesson()
    {
        await using var host = await RunningHost.StartAsync();

        using var response = await host.PostLessonAsync("zzqx", "vvbnm qwpo", "expert");
        var status = await host.PollUntilDoneAsync(response.Headers.Location!);

        Assert.Equal("Failed", status["runtimeStatus"]!.GetValue<string>());
        Assert.Contains("No research notes", status["output"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Llm:Providers", status["output"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
