using System.Globalization;
using System.Text.Json;
using DurableLessons.Load.Clients;
using DurableLessons.Testing.Models;

namespace DurableLessons.Load.Analysis;

/// <summary>Per-lesson split of a completed run's wall time, in milliseconds.</summary>
internal sealed record LessonTimeSplit(double RunWall, double Model, double Research, double ActivitiesBusy, IReadOnlyDictionary<string, double> Activities)
{
    /// <summary>Wall time when no activity of the run was scheduled or running: episodes, commits, dispatch.</summary>
    public double BetweenActivities => RunWall - ActivitiesBusy;

    /// <summary>What the engine and the host's own code spent: wall time not covered by a model call or research.</summary>
    public double Overhead => RunWall - Model - Research;
}

/// <summary>
/// Engine overhead per lesson for a sample of completed lessons. Wall time = ExecutionStarted → ExecutionCompleted
/// in the run's history (<c>GET /runtime/webhooks/durabletask/instances/{id}?showHistory=true&amp;showHistoryOutput=true</c>);
/// model time = the union of the fake model's service intervals for the lesson's calls (matched by the topic in the
/// system prompt; the parallel exercise and quiz calls count once); research time = the longest
/// <c>ElapsedMs</c> a ResearchSource activity reported (sources run in parallel). The rest is the engine: journal
/// commits, dispatch and queueing of episodes and activities, artifact reads and writes, the save. It is split further
/// with the activities' ScheduledTime → completion Timestamp: time with no activity pending (episodes, commits,
/// dispatch) and time inside activities beyond the model and research.
/// </summary>
internal static class EngineOverhead
{
    public static async Task<IReadOnlyList<LessonTimeSplit>> MeasureAsync(
        HttpClient http, Uri host, IReadOnlyList<LessonOutcome> outcomes, IReadOnlyList<ServedModelCall> calls, int sampleSize, CancellationToken cancellationToken)
    {
        var completed = outcomes.Where(o => o.IsCompleted && o.InstanceId is not null).ToList();
        if (completed.Count == 0)
        {
            return [];
        }

        var step = Math.Max(1, completed.Count / sampleSize);
        var sample = completed.Where((_, i) => i % step == 0).Take(sampleSize).ToList();
        var callsByTopic = calls.ToLookup(c => c.Topic, StringComparer.Ordinal);
        var splits = new List<LessonTimeSplit>(sample.Count);
        foreach (var lesson in sample)
        {
            var uri = new Uri(host, $"runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(lesson.InstanceId!)}?showHistory=true&showHistoryOutput=true");
            using var response = await http.GetAsync(uri, cancellationToken);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (Split(document.RootElement, ModelBusyTime.Milliseconds(callsByTopic[lesson.Topic])) is { } split)
            {
                splits.Add(split);
            }
        }

        return splits;
    }

    private static LessonTimeSplit? Split(JsonElement status, double modelMilliseconds)
    {
        if (!status.TryGetProperty("historyEvents", out var history))
        {
            return null;
        }

        DateTimeOffset? started = null;
        DateTimeOffset? completed = null;
        var research = 0.0;
        var activities = new Dictionary<string, double>(StringComparer.Ordinal);
        var intervals = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var item in history.EnumerateArray())
        {
            var type = item.GetProperty("EventType").GetString();
            var timestamp = DateTimeOffset.Parse(item.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture);
            if (type == "TaskCompleted" && item.TryGetProperty("ScheduledTime", out var scheduledText)
                && item.TryGetProperty("FunctionName", out var activity))
            {
                var scheduled = DateTimeOffset.Parse(scheduledText.GetString()!, CultureInfo.InvariantCulture);
                activities[activity.GetString()!] = (timestamp - scheduled).TotalMilliseconds;
                intervals.Add((scheduled, timestamp));
            }

            switch (type)
            {
                case "ExecutionStarted":
                    started = timestamp;
                    break;
                case "ExecutionCompleted":
                    completed = timestamp;
                    break;
                case "TaskCompleted" when item.TryGetProperty("FunctionName", out var name) && name.GetString() == "ResearchSource"
                    && item.TryGetProperty("Result", out var result) && result.TryGetProperty("elapsedMs", out var elapsed):
                    research = Math.Max(research, elapsed.GetDouble());
                    break;
            }
        }

        return started is { } from && completed is { } to
            ? new LessonTimeSplit((to - from).TotalMilliseconds, modelMilliseconds, research, UnionMilliseconds(intervals), activities)
            : null;
    }

    private static double UnionMilliseconds(List<(DateTimeOffset From, DateTimeOffset To)> intervals)
    {
        var busy = 0.0;
        var coveredUntil = DateTimeOffset.MinValue;
        foreach (var (from, to) in intervals.OrderBy(i => i.From))
        {
            var start = from > coveredUntil ? from : coveredUntil;
            if (to > start)
            {
                busy += (to - start).TotalMilliseconds;
            }

            coveredUntil = to > coveredUntil ? to : coveredUntil;
        }

        return busy;
    }
}
