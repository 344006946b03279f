using System.Net;
using DurableLessons.Bench.Http.Wire;
using DurableLessons.Bench.Warmup;

namespace DurableLessons.Bench.Http;

/// <summary>
/// One measured kind of request against one server (host start, host status GET, bare Kestrel GET). Every run gets a
/// tag of its own, from which <see cref="Requests"/> builds ids no other run uses (a start creates the instance it
/// names); <see cref="SettleAsync"/> then waits, outside the measured time, until the server has finished what the
/// run left behind (the orchestrations starts launched), so no run pays for another's backlog.
/// </summary>
/// <param name="MaxRequests">The budget of one measured level.</param>
internal sealed record HttpLoad(
    string Name,
    LoadGenerator Generator,
    Func<string, Func<int, HttpRequestSpec>> Requests,
    HttpStatusCode ExpectedStatus,
    int MaxRequests,
    Func<CancellationToken, Task<TimeSpan>> SettleAsync)
{
    public static Task<TimeSpan> NothingToSettle(CancellationToken cancellationToken) => Task.FromResult(TimeSpan.Zero);

    /// <summary>Runs the load, then lets the server settle; returns the run and how long settling took.</summary>
    public async Task<(LoadSlice Slice, TimeSpan Settled)> RunSliceAsync(
        string tag, int clients, TimeSpan duration, int maxRequests, CancellationToken cancellationToken)
    {
        var slice = await Generator.RunSliceAsync(clients, duration, maxRequests, Requests(tag), ExpectedStatus, cancellationToken);
        return (slice, await SettleAsync(cancellationToken));
    }

    /// <summary>A window with the runtime probe on (where the time goes), never one of the measured slices.</summary>
    public async Task<LatencySummary> RunProbedAsync(string tag, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var probed = await Generator.RunAsync(clients, duration, MaxRequests, Requests(tag), ExpectedStatus, cancellationToken, probe: true);
        await SettleAsync(cancellationToken);
        return probed;
    }

    /// <summary>The JIT warm-up of this load, cycling through its client levels (<see cref="JitWarmup"/>).</summary>
    public Task<WarmupResult> WarmUpJitAsync(IReadOnlyList<int> levels, BenchSettings settings, CancellationToken cancellationToken) =>
        JitWarmup.RunUntilQuietAsync(
            settings,
            (slice, token) => RunSliceAsync($"jit{slice}-", levels[slice % levels.Count], settings.JitSlice, MaxRequests, token),
            cancellationToken);
}
