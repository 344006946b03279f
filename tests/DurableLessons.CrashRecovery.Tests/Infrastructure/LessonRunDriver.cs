using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.CrashRecovery.Tests.Infrastructure;

/// <summary>What one finished lesson run reported: its output version and title, and from its history its run id.</summary>
public sealed record CompletedRun(LessonKey Key, int Ordinal, string Version, string Title, string RunId, int SaveLessonCompletions);

/// <summary>
/// Runs lessons of one key one after another through the public HTTP API, the way a patient client would while the
/// host keeps dying: connection errors are retried, and a start whose answer was lost is resolved by reading the
/// run's status before anything is sent again, so the client itself never starts a run twice.
/// </summary>
public sealed class LessonRunDriver(HttpClient client, Uri baseAddress, TimeSpan runLimit)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    public async Task<IReadOnlyList<CompletedRun>> RunSequenceAsync(LessonKey key, int runs, Action<CompletedRun> onCompleted, CancellationToken cancellationToken)
    {
        var completed = new List<CompletedRun>(runs);
        string? previousVersion = null;
        for (var ordinal = 1; ordinal <= runs; ordinal++)
        {
            var run = await RunOnceAsync(key, ordinal, previousVersion, cancellationToken);
            completed.Add(run);
            onCompleted(run);
            previousVersion = run.Version;
        }

        return completed;
    }

    private async Task<CompletedRun> RunOnceAsync(LessonKey key, int ordinal, string? previousVersion, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + runLimit;
        await StartAsync(key, previousVersion, deadline, cancellationToken);
        while (true)
        {
            var status = await TryGetStatusAsync(key, withHistory: false, cancellationToken);
            var state = (string?)status?["runtimeStatus"];
            if (state == "Completed")
            {
                return await ReadCompletedAsync(key, ordinal, cancellationToken);
            }

            if (state is "Failed" or "Terminated")
            {
                throw new InvalidOperationException($"Run {ordinal} of {key} ended {state}: {status!["output"]?.ToJsonString()}");
            }

            await PauseAsync(deadline, $"run {ordinal} of {key} to finish (last status: {status?.ToJsonString() ?? "host not answering"})", cancellationToken);
        }
    }

    /// <summary>Starts the next run, or finds out that a start whose 202 was lost did happen.</summary>
    private async Task StartAsync(LessonKey key, string? previousVersion, DateTime deadline, CancellationToken cancellationToken)
    {
        var request = new LessonRequest(key.Subject, key.Topic, key.Level.ToWire(), Sources: ["local"]);
        while (true)
        {
            try
            {
                using var response = await client.PostAsJsonAsync(new Uri(baseAddress, LessonRoutes.Collection), request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    // The previous run is Completed, so an active run answered here is the one just asked for.
                    return;
                }

                throw new InvalidOperationException($"POST {LessonRoutes.Collection} for {key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            catch (Exception error) when (IsConnectionLoss(error, cancellationToken))
            {
                // The host may have recorded the start before it died: ask before sending it again.
                if (await StartedSinceAsync(key, previousVersion, deadline, cancellationToken))
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> StartedSinceAsync(LessonKey key, string? previousVersion, DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(StatusUri(key, withHistory: false), cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return false;
                }

                var status = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
                return (string?)status["runtimeStatus"] != "Completed" || OutputVersion(status) != previousVersion;
            }
            catch (Exception error) when (IsConnectionLoss(error, cancellationToken))
            {
                await PauseAsync(deadline, $"the host to answer whether the run of {key} started", cancellationToken);
            }
        }
    }

    private async Task<CompletedRun> ReadCompletedAsync(LessonKey key, int ordinal, CancellationToken cancellationToken)
    {
        JsonObject? status = null;
        while (status is null)
        {
            status = await TryGetStatusAsync(key, withHistory: true, cancellationToken);
            if (status is null)
            {
                await Task.Delay(RetryPause, cancellationToken);
            }
        }

        var completions = status["historyEvents"]!.AsArray()
            .Select(e => e!.AsObject())
            .Where(e => (string?)e["EventType"] == "TaskCompleted")
            .ToList();
        var pack = completions.Single(e => (string?)e["FunctionName"] == LessonActivityNames.MergeResearch)["Result"]!["pack"]!["key"]!.GetValue<string>();
        var runId = pack[..pack.IndexOf('/', StringComparison.Ordinal)];
        var saves = completions.Count(e => (string?)e["FunctionName"] == LessonActivityNames.SaveLesson);
        var output = status["output"]!.AsObject();
        return new CompletedRun(key, ordinal, OutputVersion(status)!, (string)output["title"]!, runId, saves);
    }

    private async Task<JsonObject?> TryGetStatusAsync(LessonKey key, bool withHistory, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(StatusUri(key, withHistory), cancellationToken);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted
                ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject()
                : null;
        }
        catch (Exception error) when (IsConnectionLoss(error, cancellationToken))
        {
            return null;
        }
    }

    private Uri StatusUri(LessonKey key, bool withHistory) => new(
        baseAddress,
        $"runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(key.RunInstanceId)}" + (withHistory ? "?showHistory=true&showHistoryOutput=true" : string.Empty));

    private static string? OutputVersion(JsonObject status) =>
        status["output"] is JsonObject output ? (string?)output["version"] : null;

    private static async Task PauseAsync(DateTime deadline, string waitingFor, CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException($"Gave up waiting for {waitingFor}.");
        }

        await Task.Delay(RetryPause, cancellationToken);
    }

    /// <summary>The host died or is restarting: refused, reset, cut off mid-answer, or silent past the client's timeout.</summary>
    private static bool IsConnectionLoss(Exception error, CancellationToken cancellationToken) =>
        error is HttpRequestException or IOException or System.Text.Json.JsonException
        || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
