namespace DurableLessons.Syllabi.Tests;

/// <summary>Listing runs with counts, filters and pages; bulk operations; retention.</summary>
public sealed class AdminRunsTests
{
    private const string SystemKey = "admin-test-system-key-0123456789";

    private static async Task<(string Completed1, string Completed2, string Failed)> MakeRunsAsync(RunningHost host)
    {
        async Task<string> RunAsync(string subject, string topic)
        {
            using var response = await host.Client.PostAsJsonAsync(WithKey("/api/lessons"), new { subject, topic, level = "beginner" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await host.PollUntilDoneAsync(response.Headers.Location!);
            return (await RunningHost.ReadObjectAsync(response))["id"]!.GetValue<string>();
        }

        return (await RunAsync("english", "verbs"), await RunAsync("math", "fractions"), await RunAsync("zzqx", "vvbnm qwpo"));
    }

    private static string WithKey(string path) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + SystemKey;

    private static Task<RunningHost> StartAsync() =>
        SyllabusApi.StartHostAsync(settings: new Dictionary<string, string> { ["Security:SystemKey"] = SystemKey });

    private static async Task<JsonObject> GetAsync(RunningHost host, string path)
    {
        using var response = await host.Client.GetAsync(WithKey(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RunningHost.ReadObjectAsync(response);
    }

    [Fact]
    public async Task Runs_are_listed_with_counts_over_the_whole_filter_filtered_and_paged()
    {
        await using var host = await StartAsync();
        var (_, _, failed) = await MakeRunsAsync(host);

        var all = await GetAsync(host, "/api/runs");
        Assert.Equal(3, all["runs"]!.AsArray().Count);
        Assert.Equal(2, all["statusCounts"]!["Completed"]!.GetValue<int>());
        Assert.Equal(1, all["statusCounts"]!["Failed"]!.GetValue<int>());
        Assert.Equal(0, all["statusCounts"]!["Running"]!.GetValue<int>());
        Assert.Null(all["continuationToken"]);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await GetAsync(host, "/api/runs?pageSize=2" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)));
            Assert.InRange(page["runs"]!.AsArray().Count, 1, 2);
            Assert.Equal(2, page["statusCounts"]!["Completed"]!.GetValue<int>());
            seen.AddRange(page["runs"]!.AsArray().Select(r => r!["instanceId"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        Assert.Equal(3, seen.Distinct().Count());
        Assert.Single((await GetAsync(host, "/api/runs?top=1"))["runs"]!.AsArray());

        var failures = await GetAsync(host, "/api/runs?status=Failed");
        var run = Assert.Single(failures["runs"]!.AsArray())!;
        Assert.Equal(failed, run["instanceId"]!.GetValue<string>());
        Assert.Equal("LessonGeneration", run["name"]!.GetValue<string>());
        Assert.Equal("Failed", run["status"]!.GetValue<string>());
        Assert.Equal("zzqx", run["lessonKey"]!["subject"]!.GetValue<string>());
        Assert.Equal(0, failures["statusCounts"]!["Completed"]!.GetValue<int>());

        var byKey = await GetAsync(host, "/api/runs?subject=English&topic=verbs&level=beginner");
        var keyed = Assert.Single(byKey["runs"]!.AsArray())!;
        Assert.Equal("verbs", keyed["lessonKey"]!["topic"]!.GetValue<string>());
        Assert.Equal(0, keyed["usage"]!["calls"]!.GetValue<int>());
        Assert.Equal("completed", keyed["customStatus"]!["stage"]!.GetValue<string>());

        Assert.Empty((await GetAsync(host, "/api/runs?name=SyllabusGeneration"))["runs"]!.AsArray());
        Assert.Empty((await GetAsync(host, $"/api/runs?createdFrom={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"))["runs"]!.AsArray());

        using var invalid = await host.Client.GetAsync(WithKey("/api/runs?status=Sleeping&pageSize=0"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await RunningHost.ReadObjectAsync(invalid))["errors"]!;
        Assert.NotNull(errors["status"]);
        Assert.NotNull(errors["pageSize"]);
    }

    [Fact]
    public async Task Bulk_operations_act_on_every_match_report_refusals_and_a_dry_run_changes_nothing()
    {
        await using var host = await StartAsync();
        var (completed1, completed2, failed) = await MakeRunsAsync(host);

        using (var dry = await host.Client.PostAsync(WithKey("/api/admin/runs/purge?status=Completed&dryRun=true"), null))
        {
            var outcome = await RunningHost.ReadObjectAsync(dry);
            Assert.True(outcome["dryRun"]!.GetValue<bool>());
            Assert.Equal([completed1, completed2], outcome["instanceIds"]!.AsArray().Select(i => i!.GetValue<string>()).Order());
        }

        Assert.Equal(2, (await GetAsync(host, "/api/runs"))["statusCounts"]!["Completed"]!.GetValue<int>());

        using (var terminate = await host.Client.PostAsync(WithKey("/api/admin/runs/terminate"), null))
        {
            var outcome = await RunningHost.ReadObjectAsync(terminate);
            Assert.Equal(3, outcome["matched"]!.GetValue<int>());
            Assert.Equal(0, outcome["succeeded"]!.GetValue<int>());
            Assert.Equal(3, outcome["failures"]!.AsArray().Count);
        }

        using (var purge = await host.Client.PostAsync(WithKey("/api/admin/runs/purge?status=Completed"), null))
        {
            var outcome = await RunningHost.ReadObjectAsync(purge);
            Assert.Equal(2, outcome["succeeded"]!.GetValue<int>());
            Assert.Empty(outcome["failures"]!.AsArray());
        }

        var left = await GetAsync(host, "/api/runs");
        Assert.Equal(failed, Assert.Single(left["runs"]!.AsArray())!["instanceId"]!.GetValue<string>());
        using var lesson = await host.Client.GetAsync("/api/lessons/english/verbs?level=beginner&code=" + SystemKey);
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);

        using var unknown = await host.Client.PostAsync(WithKey("/api/admin/runs/explode"), null);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Retention_purges_only_finished_runs_older_than_asked_and_keeps_lessons()
    {
        await using var host = await StartAsync();
        await MakeRunsAsync(host);

        using (var none = await host.Client.DeleteAsync(WithKey("/api/admin/runs?olderThan=1d")))
        {
            Assert.Equal(0, (await RunningHost.ReadObjectAsync(none))["purged"]!.GetValue<int>());
        }

        using (var missing = await host.Client.DeleteAsync(WithKey("/api/admin/runs")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.NotNull((await RunningHost.ReadObjectAsync(missing))["errors"]!["olderThan"]);
        }

        using (var all = await host.Client.DeleteAsync(WithKey("/api/admin/runs?olderThan=PT0S")))
        {
            Assert.Equal(3, (await RunningHost.ReadObjectAsync(all))["purged"]!.GetValue<int>());
        }

        Assert.Empty((await GetAsync(host, "/api/runs"))["runs"]!.AsArray());
        using var lesson = await host.Client.GetAsync(WithKey("/api/lessons/math/fractions?level=beginner"));
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/admin/runs/purge")]
    [InlineData("DELETE", "/api/admin/runs?olderThan=1d")]
    public async Task Administration_needs_the_system_key(string method, string path)
    {
        await using var host = await StartAsync();

        using var without = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);

        using var wrong = new HttpRequestMessage(new HttpMethod(method), path);
        wrong.Headers.Add("x-functions-key", "not-the-system-key-at-all");
        using var rejected = await host.Client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);

        using var right = new HttpRequestMessage(new HttpMethod(method), path);
        right.Headers.Add("x-functions-key", SystemKey);
        using var accepted = await host.Client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
