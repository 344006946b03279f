using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DurableLessons.Load.Clients;

/// <summary>
/// What the SPA does for one lesson: POST /api/lessons, then follow the run until it is terminal, either by polling
/// <c>statusQueryGetUri</c> as wwwroot/js/poll.js does (first poll at once, then wait as Retry-After asks, capped at
/// 30 s, 2 s without it; back off 1 s·2ⁿ with jitter on errors, give up after 8 in a row) or by reading the SSE
/// stream <c>/api/runs/{id}/events</c> until its <c>done</c> event.
/// </summary>
internal sealed class LessonClient(HttpClient http, Uri host, bool stream, LatencyLog starts, LatencyLog polls)
{
    private static readonly string[] TerminalStates = ["Completed", "Failed", "Terminated", "Canceled"];
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(2);
    private const int MaxErrors = 8;

    /// <summary>Starts a run of the lesson and returns its instance id and status URL, or the failure as an outcome.</summary>
    public async Task<(string? InstanceId, Uri? StatusUri, LessonOutcome? Failure)> StartAsync(string subject, string topic, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(host, "api/lessons"), new { subject, topic, level = "beginner" }, cancellationToken);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            starts.Add(started);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return (null, null, new LessonOutcome(topic, null, "StartRejected", 0, $"HTTP {(int)response.StatusCode}"));
            }

            var root = body.RootElement;
            return (root.GetProperty("id").GetString(), new Uri(root.GetProperty("statusQueryGetUri").GetString()!), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException)
        {
            return (null, null, new LessonOutcome(topic, null, "StartFailed", 0, ex.Message));
        }
    }

    /// <summary>Plays one lesson from start to a terminal state.</summary>
    public async Task<LessonOutcome> RunAsync(string subject, string topic, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (instanceId, statusUri, failure) = await StartAsync(subject, topic, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var (status, error) = stream
            ? await StreamAsync(instanceId!, cancellationToken)
            : await PollAsync(statusUri!, cancellationToken);
        return new LessonOutcome(topic, instanceId, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);
    }

    /// <summary>Follows a run already started, by polling or streaming.</summary>
    public async Task<LessonOutcome> FollowAsync(string topic, string instanceId, Uri statusUri, long startedTimestamp, CancellationToken cancellationToken)
    {
        var (status, error) = stream
            ? await StreamAsync(instanceId, cancellationToken)
            : await PollAsync(statusUri, cancellationToken);
        return new LessonOutcome(topic, instanceId, status, Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds, error);
    }

    private async Task<(string Status, string? Error)> PollAsync(Uri statusUri, CancellationToken cancellationToken)
    {
        var errors = 0;
        string? lastError = null;
        while (true)
        {
            TimeSpan delay;
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(statusUri, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                polls.Add(sent);
                var status = RuntimeStatusOf(text);
                if (status is null)
                {
                    if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                    {
                        return ("PollRejected", $"HTTP {(int)response.StatusCode}");
                    }

                    throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
                }

                errors = 0;
                if (TerminalStates.Contains(status))
                {
                    return (status, null);
                }

                delay = RetryAfter(response) ?? DefaultDelay;
            }
            catch (HttpRequestException ex)
            {
                lastError = ex.Message;
                if (++errors > MaxErrors)
                {
                    return ("PollFailed", lastError);
                }

                delay = Backoff(errors - 1);
            }

            await Task.Delay(delay, cancellationToken);
        }
    }

    private async Task<(string Status, string? Error)> StreamAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host, $"api/runs/{Uri.EscapeDataString(instanceId)}/events"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ("StreamRejected", $"HTTP {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(body);
            string? eventName = null;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventName = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal) && eventName == "done")
                {
                    return (RuntimeStatusOf(line["data:".Length..]) ?? "StreamUnreadable", null);
                }
            }

            return ("StreamEnded", "the stream ended without a done event");
        }
        catch (HttpRequestException ex)
        {
            return ("StreamFailed", ex.Message);
        }
    }

    private static string? RuntimeStatusOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("runtimeStatus", out var status) || document.RootElement.TryGetProperty("RuntimeStatus", out status))
                ? status.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var asked = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (asked is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > MaxDelay ? MaxDelay : value;
    }

    // Equal jitter as poll.js: between half the exponential step and the whole step. Not security sensitive.
#pragma warning disable CA5394
    private static TimeSpan Backoff(int attempt)
    {
        var step = Math.Min(MaxDelay.TotalMilliseconds, 1000 * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds((step / 2) + (Random.Shared.NextDouble() * step / 2));
    }
#pragma warning restore CA5394
}
