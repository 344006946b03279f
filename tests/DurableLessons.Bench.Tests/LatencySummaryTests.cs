using System.Diagnostics;
using DurableLessons.Bench.Http;

namespace DurableLessons.Bench.Tests;

/// <summary>A level measured in slices is summarised over all of them, not as an average of per-slice figures.</summary>
public sealed class LatencySummaryTests
{
    [Fact]
    public void Requests_per_second_is_all_answered_requests_over_all_measured_time()
    {
        var fast = Slice(elapsedSeconds: 1, errors: 0, latenciesMs: Enumerable.Repeat(1.0, 300));
        var slow = Slice(elapsedSeconds: 3, errors: 2, latenciesMs: Enumerable.Repeat(1.0, 100));

        var summary = LatencySummary.From([fast, slow]);

        Assert.Equal(400, summary.Requests);
        Assert.Equal(2, summary.Errors);
        Assert.Equal(TimeSpan.FromSeconds(4), summary.Elapsed);
        Assert.Equal(100, summary.RequestsPerSecond, precision: 6);
    }

    [Fact]
    public void Percentiles_are_taken_over_the_merged_samples_of_every_slice()
    {
        // 98 fast answers in one slice, 2 slow ones in the other: the slow slice's own p50 (50 ms) must not count half.
        var fast = Slice(elapsedSeconds: 1, errors: 0, latenciesMs: Enumerable.Repeat(2.0, 98));
        var slow = Slice(elapsedSeconds: 1, errors: 0, latenciesMs: [50.0, 90.0]);

        var summary = LatencySummary.From([slow, fast]);

        Assert.Equal(2.0, summary.P50Milliseconds, precision: 3);
        Assert.Equal(50.0, summary.P99Milliseconds, precision: 3);
    }

    [Fact]
    public void Cpu_share_is_weighted_by_each_slice_time_and_jit_time_is_summed()
    {
        var first = Slice(elapsedSeconds: 1, errors: 0, latenciesMs: [1.0]) with { CpuShare = 0.9, JitTime = TimeSpan.FromMilliseconds(3) };
        var second = Slice(elapsedSeconds: 3, errors: 0, latenciesMs: [1.0]) with { CpuShare = 0.5, JitTime = TimeSpan.FromMilliseconds(4) };

        var summary = LatencySummary.From([first, second]);

        Assert.Equal(0.6, summary.CpuShare, precision: 6);
        Assert.Equal(TimeSpan.FromMilliseconds(7), summary.JitTime);
    }

    [Fact]
    public void Keeps_the_first_error_of_the_earliest_slice_that_had_one()
    {
        var clean = Slice(elapsedSeconds: 1, errors: 0, latenciesMs: [1.0]);
        var failing = Slice(elapsedSeconds: 1, errors: 1, latenciesMs: []) with { FirstError = "GET /x answered 500" };
        var later = failing with { FirstError = "GET /y answered 503" };

        Assert.Equal("GET /x answered 500", LatencySummary.From([clean, failing, later]).FirstError);
    }

    private static LoadSlice Slice(double elapsedSeconds, int errors, IEnumerable<double> latenciesMs) => new(
        50,
        [.. latenciesMs.Select(ms => (long)Math.Round(ms * Stopwatch.Frequency / 1000.0))],
        errors,
        TimeSpan.FromSeconds(elapsedSeconds),
        CpuShare: 0.5,
        TimeSpan.Zero,
        FirstError: null);
}
