namespace DurableLessons.Bench.Http;

/// <summary>What one load measured at one client level.</summary>
/// <param name="Measured">The level's slices together (<see cref="LatencySummary.From"/>).</param>
/// <param name="Probed">The window with the runtime probe on that followed the level.</param>
/// <param name="Settled">Time the server took, in all, to finish what the level's slices left behind (not measured).</param>
internal sealed record InterleavedMeasurement(LatencySummary Measured, LatencySummary Probed, TimeSpan Settled);

/// <summary>
/// One client level of several loads measured in the same minutes: after a discarded warm-up of each load at the
/// level's client count (which also opens the level's connections), the loads take turns in slices of
/// <see cref="BenchSettings.HttpSlice"/>, in the order given, each followed by its settling (a start slice waits for
/// its orchestrations), until every load has run <see cref="BenchSettings.HttpDuration"/> or used its budget; then one
/// probed window per load. The targets are ratios between these loads, and this machine's speed drifts by 20–40 %
/// within minutes: measured one after the other, a ratio judged the minute as much as the code.
/// </summary>
internal static class InterleavedLevel
{
    public static async Task<IReadOnlyList<InterleavedMeasurement>> RunAsync(
        int clients, IReadOnlyList<HttpLoad> loads, BenchSettings settings, CancellationToken cancellationToken)
    {
        foreach (var load in loads)
        {
            await load.RunSliceAsync($"warm{clients}-", clients, settings.HttpWarmup, load.MaxRequests, cancellationToken);
        }

        var slices = loads.Select(_ => new List<LoadSlice>()).ToArray();
        var settled = new TimeSpan[loads.Count];
        var ran = true;
        for (var round = 0; ran; round++)
        {
            ran = false;
            for (var index = 0; index < loads.Count; index++)
            {
                if (NextSlice(slices[index], loads[index].MaxRequests, settings) is not { } next)
                {
                    continue;
                }

                var (slice, settle) = await loads[index].RunSliceAsync($"c{clients}r{round}-", clients, next.Duration, next.MaxRequests, cancellationToken);
                slices[index].Add(slice);
                settled[index] += settle;
                ran = true;
            }
        }

        var results = new List<InterleavedMeasurement>();
        for (var index = 0; index < loads.Count; index++)
        {
            var probed = await loads[index].RunProbedAsync($"probe{clients}-", clients, settings.ProbeWindow, cancellationToken);
            results.Add(new InterleavedMeasurement(LatencySummary.From(slices[index]), probed, settled[index]));
        }

        return results;
    }

    /// <summary>
    /// The next slice of a load: <see cref="BenchSettings.HttpSlice"/> and the slice's share of the level's budget,
    /// both cut to what the level has left; null once the load has run the level's duration or used its budget.
    /// </summary>
    public static (TimeSpan Duration, int MaxRequests)? NextSlice(IReadOnlyList<LoadSlice> done, int levelBudget, BenchSettings settings)
    {
        var elapsed = done.Aggregate(TimeSpan.Zero, (sum, slice) => sum + slice.Elapsed);
        var issued = done.Sum(slice => slice.Issued);
        if (elapsed >= settings.HttpDuration || issued >= levelBudget)
        {
            return null;
        }

        var sliceBudget = (int)Math.Ceiling(levelBudget * (settings.HttpSlice / settings.HttpDuration));
        var duration = settings.HttpDuration - elapsed;
        return (duration < settings.HttpSlice ? duration : settings.HttpSlice, Math.Min(sliceBudget, levelBudget - issued));
    }
}
