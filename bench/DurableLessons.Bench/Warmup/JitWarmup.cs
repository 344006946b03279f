using System.Diagnostics;
using System.Runtime;

namespace DurableLessons.Bench.Warmup;

/// <summary>How a warm-up ended: after how long, in how many slices, and whether the JIT had gone quiet.</summary>
/// <param name="LastSliceJitShare">Share of the last slice's wall time the process spent compiling (all threads).</param>
internal sealed record WarmupResult(TimeSpan Elapsed, int Slices, double LastSliceJitShare, bool Quiet)
{
    public string Describe() =>
        $"{Elapsed.TotalSeconds:0.0} s in {Slices} slices, last slice {LastSliceJitShare:P1} JIT" + (Quiet ? string.Empty : " (cap reached, JIT not quiet)");
}

/// <summary>
/// Runs a part's own load in slices until a slice spends less than <see cref="BenchSettings.JitQuietShare"/> of its
/// wall time compiling, or until <see cref="BenchSettings.JitWarmupCap"/>. Tiered compilation (and the instrumented
/// tier of Dynamic PGO) keeps recompiling hot methods on a background thread for seconds after start-up; measured
/// before it settles, a 2-core machine measures the JIT as much as the code.
/// </summary>
internal static class JitWarmup
{
    /// <param name="runSlice">Runs slice number n (0-based) of about <see cref="BenchSettings.JitSlice"/>.</param>
    public static async Task<WarmupResult> RunUntilQuietAsync(
        BenchSettings settings,
        Func<int, CancellationToken, Task> runSlice,
        CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var slices = 0;
        double share;
        do
        {
            var jitBefore = JitInfo.GetCompilationTime();
            var slice = Stopwatch.StartNew();
            await runSlice(slices++, cancellationToken);
            share = (JitInfo.GetCompilationTime() - jitBefore) / slice.Elapsed;
        }
        while (share >= settings.JitQuietShare && total.Elapsed < settings.JitWarmupCap);

        return new WarmupResult(total.Elapsed, slices, share, share < settings.JitQuietShare);
    }
}
