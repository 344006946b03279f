using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using DurableLessons.Shared.Lessons;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.StorageOutage.Tests.Infrastructure;

/// <summary>
/// The real embedded host with <c>Storage:Provider=Table</c> and its own table prefix, plus a direct client to the same
/// Azurite account so tests can check what was actually committed, row by row.
/// </summary>
public sealed class TableBackedHost : IAsyncDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(75);

    private readonly TableClient lessonsTable;

    private TableBackedHost(RunningHost host, TableClient lessonsTable)
    {
        Host = host;
        this.lessonsTable = lessonsTable;
    }

    public RunningHost Host { get; }

    /// <param name="hostConnectionString">What the host uses (Azurite directly, or a proxy in front of it).</param>
    /// <param name="azuriteConnectionString">Azurite itself, for inspecting committed rows.</param>
    public static async Task<TableBackedHost> StartAsync(
        string hostConnectionString,
        string azuriteConnectionString,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var prefix = $"Outage{Guid.NewGuid():N}"[..20];
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Table",
            ["Storage:Table:ConnectionString"] = hostConnectionString,
            ["Storage:Table:TablePrefix"] = prefix,
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var host = await RunningHost.StartAsync(settings, services);
        var lessonsTable = new TableServiceClient(azuriteConnectionString).GetTableClient(prefix + "Lessons");
        return new TableBackedHost(host, lessonsTable);
    }

    public async Task<StartedRun> StartRunAsync(TestLesson lesson)
    {
        using var response = await Host.PostLessonAsync(lesson.Subject, lesson.Topic, lesson.Level);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await RunningHost.ReadObjectAsync(response);
        return new StartedRun(lesson, payload["id"]!.GetValue<string>(), new Uri(payload["statusQueryGetUri"]!.GetValue<string>()));
    }

    /// <summary>Rewinds a failed run through the Durable management webhook.</summary>
    public async Task RewindAsync(StartedRun run, string reason)
    {
        using var content = new StringContent("");
        using var response = await Host.Client.PostAsync(
            $"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(run.InstanceId)}/rewind?reason={Uri.EscapeDataString(reason)}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Rewind answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Polls until the run reaches <paramref name="runtimeStatus"/>; fails with the last status when it does not in time.</summary>
    public async Task<JsonObject> WaitForStatusAsync(StartedRun run, string runtimeStatus)
    {
        var deadline = DateTime.UtcNow + RunLimit;
        var last = await StatusAsync(run);
        while (last["runtimeStatus"]?.GetValue<string>() != runtimeStatus && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            last = await StatusAsync(run);
        }

        Assert.True(last["runtimeStatus"]?.GetValue<string>() == runtimeStatus, $"The run did not become {runtimeStatus}: {last.ToJsonString()}");
        return last;
    }

    /// <summary>Polls the run to its end and returns the final status object.</summary>
    public Task<JsonObject> WaitAsync(StartedRun run) => Host.PollUntilDoneAsync(run.StatusUri, RunLimit);

    public async Task<JsonObject> StatusAsync(StartedRun run)
    {
        using var response = await Host.Client.GetAsync(run.StatusUri);
        return await RunningHost.ReadObjectAsync(response);
    }

    /// <summary>Starts one run per lesson, all at once, and waits for each to complete; returns their saved versions.</summary>
    public async Task<IReadOnlyList<string>> RunToCompletionAsync(IReadOnlyList<TestLesson> lessons)
    {
        var runs = await Task.WhenAll(lessons.Select(StartRunAsync));
        var statuses = await Task.WhenAll(runs.Select(WaitAsync));
        return statuses.Select(CompletedVersion).ToList();
    }

    /// <summary>The version a completed run saved; fails with the run's status when it did not complete.</summary>
    public static string CompletedVersion(JsonObject status)
    {
        Assert.True(status["runtimeStatus"]?.GetValue<string>() == "Completed", $"The run did not complete: {status.ToJsonString()}");
        return status["output"]!["version"]!.GetValue<string>();
    }

    /// <summary>
    /// Asserts that the lesson has exactly <paramref name="expected"/> versions, each made by a different run, each readable
    /// in full over HTTP, and that storage holds no extra, doubled or half-written rows for it.
    /// </summary>
    public async Task AssertVersionsExactlyAsync(TestLesson lesson, params string[] expected)
    {
        using var listResponse = await Host.Client.GetAsync($"{LessonRoutes.Collection}/{Uri.EscapeDataString(lesson.Subject)}/{Uri.EscapeDataString(lesson.Topic)}/versions?level={lesson.Level}");
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        var versions = (await RunningHost.ReadObjectAsync(listResponse))["versions"]!.AsArray().Select(v => v!.AsObject()).ToList();
        Assert.Equal(expected, versions.Select(v => v["version"]!.GetValue<string>()));
        var runIds = versions.Select(v => v["runId"]!.GetValue<string>()).ToList();
        Assert.Equal(runIds.Count, runIds.Distinct(StringComparer.Ordinal).Count());

        foreach (var info in versions)
        {
            var version = info["version"]!.GetValue<string>();
            using var response = await Host.Client.GetAsync(LessonRoutes.Version(lesson.Key, version));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Version {version} of {lesson} cannot be read: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var stored = await RunningHost.ReadObjectAsync(response);
            Assert.Equal(info["runId"]!.GetValue<string>(), stored["runId"]!.GetValue<string>());
            var document = stored["document"]!.AsObject();
            Assert.False(string.IsNullOrWhiteSpace(document["title"]!.GetValue<string>()));
            Assert.NotEmpty(document["sections"]!.AsArray());
            Assert.NotEmpty(document["quiz"]!.AsArray());
        }

        using var latest = await Host.Client.GetAsync(LessonRoutes.Latest(lesson.Key));
        Assert.Equal(expected[^1], (await RunningHost.ReadObjectAsync(latest))["version"]!.GetValue<string>());

        await AssertRowsConsistentAsync(lesson, expected.Length);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// The lesson's partition as committed: one version row per version (v~…), one run marker per version (run~…),
    /// every content chunk a version row announces (c~…) and a latest pointer on the newest version, nothing else.
    /// </summary>
    private async Task AssertRowsConsistentAsync(TestLesson lesson, int versionCount)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {lesson.Key.StorageId}");
        await foreach (var row in lessonsTable.QueryAsync<TableEntity>(filter, cancellationToken: CancellationToken.None))
        {
            rows.Add(row);
        }

        var versionRows = rows.Where(r => r.RowKey.StartsWith("v~", StringComparison.Ordinal)).ToList();
        var markers = rows.Where(r => r.RowKey.StartsWith("run~", StringComparison.Ordinal)).ToList();
        var chunks = rows.Where(r => r.RowKey.StartsWith("c~", StringComparison.Ordinal)).ToList();
        var pointer = Assert.Single(rows, r => r.RowKey == "latest");

        Assert.Equal(Enumerable.Range(0, versionCount), versionRows.Select(r => r.GetInt32("Minor") ?? -1).Order());
        Assert.Equal(Enumerable.Range(0, versionCount), markers.Select(r => r.GetInt32("Minor") ?? -1).Order());
        Assert.Equal(
            versionRows.Select(r => r.GetString("RunId")).Order(StringComparer.Ordinal),
            markers.Select(r => r.GetString("RunId")).Order(StringComparer.Ordinal));
        Assert.Equal(versionRows.Sum(r => (r.GetInt32("ChunkCount") ?? 1) - 1), chunks.Count);
        Assert.Equal(versionCount - 1, pointer.GetInt32("Minor"));
        Assert.Equal(versionRows.Count + markers.Count + chunks.Count + 1, rows.Count);
    }
}

/// <summary>A lesson the offline author can write from the bundled corpus.</summary>
public sealed record TestLesson(string Subject, string Topic, string Level)
{
    public LessonKey Key => new(Subject, Topic, LessonLevels.TryParse(Level, out var level) ? level : throw new ArgumentException($"Unknown level {Level}."));

    public override string ToString() => $"{Subject}/{Topic} ({Level})";
}

public sealed record StartedRun(TestLesson Lesson, string InstanceId, Uri StatusUri);
