using DurableLessons.Shared.Authoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Syllabi.Tests;

/// <summary>Regeneration of stale and flagged lessons, on request and on schedule, and the scheduled retention purge.</summary>
public sealed class RegenerationTests
{
    private static Task<RunningHost> StartAsync(Dictionary<string, string>? settings = null, TimeProvider? time = null, ILessonAuthor? author = null) =>
        RunningHost.StartAsync(settings, services =>
        {
            if (time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(time);
            }

            if (author is not null)
            {
                services.RemoveAll<ILessonAuthor>();
                services.AddSingleton(author);
            }
        });

    private static async Task MakeLessonAsync(RunningHost host, string subject, string topic)
    {
        using var response = await host.PostLessonAsync(subject, topic, "beginner");
        var status = await host.PollUntilDoneAsync(response.Headers.Location!);
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
    }

    private static async Task<IReadOnlyList<string>> VersionsAsync(RunningHost host, string subject, string topic)
    {
        using var response = await host.Client.GetAsync($"/api/lessons/{subject}/{topic}/versions?level=beginner");
        return response.StatusCode == HttpStatusCode.NotFound
            ? []
            : (await RunningHost.ReadObjectAsync(response))["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()).ToList();
    }

    private static async Task<JsonObject> RegenerateAsync(RunningHost host, object? body = null)
    {
        using var response = body is null
            ? await host.Client.PostAsync("/api/admin/regenerations", null)
            : await host.Client.PostAsJsonAsync("/api/admin/regenerations", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await host.PollUntilDoneAsync(response.Headers.Location!, TimeSpan.FromSeconds(90));
        Assert.True("Completed" == status["runtimeStatus"]!.GetValue<string>(), status.ToJsonString());
        return status["output"]!.AsObject();
    }

    [Fact]
    public async Task Only_lessons_older_than_the_max_age_or_flagged_get_one_new_version()
    {
        var clock = new ShiftedTimeProvider(TimeSpan.FromDays(-40));
        await using var host = await StartAsync(time: clock);
        await MakeLessonAsync(host, "english", "verbs");
        clock.Offset = TimeSpan.Zero;
        await MakeLessonAsync(host, "math", "fractions");

        var first = await RegenerateAsync(host);
        Assert.Equal(1, first["found"]!.GetValue<int>());
        Assert.Equal(1, first["regenerated"]!.GetValue<int>());
        Assert.Equal(["1.0", "1.1"], await VersionsAsync(host, "english", "verbs"));
        Assert.Equal(["1.0"], await VersionsAsync(host, "math", "fractions"));

        var flagged = await RegenerateAsync(host, new { lessons = new[] { new { subject = "Math", topic = "fractions", level = "beginner" } } });
        Assert.Equal(1, flagged["found"]!.GetValue<int>());
        Assert.Equal(["1.0", "1.1"], await VersionsAsync(host, "math", "fractions"));
        Assert.Equal(["1.0", "1.1"], await VersionsAsync(host, "english", "verbs"));

        using var invalid = await host.Client.PostAsJsonAsync("/api/admin/regenerations", new { lessons = new[] { new { subject = "math", topic = "", level = "beginner" } } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull((await RunningHost.ReadObjectAsync(invalid))["errors"]!["lessons[0]"]);
    }

    [Fact]
    public async Task A_lesson_that_is_being_generated_is_skipped_not_generated_twice()
    {
        var author = new ControllableLessonAuthor();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(new() { ["Regeneration:MaxAge"] = "3650.00:00:00" }, author: author);
        await MakeLessonAsync(host, "math", "fractions");
        author.HeldTopics["verbs"] = hold;
        using var running = await host.PostLessonAsync("english", "verbs", "beginner");

        var result = await RegenerateAsync(host, new
        {
            lessons = new[] { new { subject = "english", topic = "verbs", level = "beginner" }, new { subject = "math", topic = "fractions", level = "beginner" } },
        });

        Assert.Equal(2, result["found"]!.GetValue<int>());
        Assert.Equal(1, result["regenerated"]!.GetValue<int>());
        Assert.Equal(1, result["skipped"]!.GetValue<int>());
        Assert.Equal("verbs", Assert.Single(result["skippedLessons"]!.AsArray())!["topic"]!.GetValue<string>());
        Assert.Equal(["1.0", "1.1"], await VersionsAsync(host, "math", "fractions"));

        hold.SetResult();
        var status = await host.PollUntilDoneAsync(running.Headers.Location!);
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        Assert.Equal(["1.0"], await VersionsAsync(host, "english", "verbs"));
    }

    [Fact]
    public async Task The_schedule_regenerates_stale_lessons_under_one_fixed_run()
    {
        await using var host = await StartAsync(new() { ["Regeneration:Schedule"] = "* * * * * *", ["Regeneration:MaxAge"] = "00:00:00" });
        await MakeLessonAsync(host, "math", "fractions");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await VersionsAsync(host, "math", "fractions")).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduled regeneration never added a version");
            await Task.Delay(200);
        }

        using var runs = await host.Client.GetAsync("/api/runs?name=RegenerateStaleLessons");
        var listed = (await RunningHost.ReadObjectAsync(runs))["runs"]!.AsArray();
        Assert.Equal("regenerate-stale-lessons", Assert.Single(listed)!["instanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_scheduled_retention_purges_finished_runs_and_keeps_the_lessons()
    {
        await using var host = await StartAsync(new() { ["Retention:Schedule"] = "* * * * * *", ["Retention:MaxAge"] = "00:00:00" });

        // With a maximum age of zero the run may be purged before a poll sees it completed: wait for its lesson instead.
        using var started = await host.PostLessonAsync("math", "fractions", "beginner");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var runs = await host.Client.GetAsync("/api/runs?name=LessonGeneration");
            if ((await RunningHost.ReadObjectAsync(runs))["runs"]!.AsArray().Count == 0 && (await VersionsAsync(host, "math", "fractions")).Count > 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the lesson was never saved, or the scheduled purge never removed its finished run");
            await Task.Delay(200);
        }

        Assert.Equal(["1.0"], await VersionsAsync(host, "math", "fractions"));
    }

    [Fact]
    public async Task An_invalid_schedule_fails_start_up()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new() { ["Regeneration:Schedule"] = "every day" }));
        Assert.Contains("Regeneration:Schedule", error.ToString(), StringComparison.Ordinal);
    }
}
