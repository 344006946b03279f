using DurableLessons.Bench.Http;

namespace DurableLessons.Bench.Tests;

/// <summary>How an interleaved level cuts each load into slices: by time, and by a slice's share of the budget.</summary>
public sealed class InterleavedLevelTests
{
    private static readonly BenchSettings Settings = BenchSettings.Full with
    {
        HttpDuration = TimeSpan.FromSeconds(10),
        HttpSlice = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void The_first_slice_gets_the_slice_length_and_its_share_of_the_budget()
    {
        Assert.Equal((TimeSpan.FromSeconds(1), 5_000), InterleavedLevel.NextSlice([], 50_000, Settings));
    }

    [Fact]
    public void The_last_slice_is_cut_to_the_time_the_level_has_left()
    {
        var done = Enumerable.Repeat(Slice(seconds: 1.0, requests: 100), 9).Append(Slice(seconds: 0.4, requests: 100)).ToList();

        Assert.Equal((TimeSpan.FromSeconds(0.6), 5_000), InterleavedLevel.NextSlice(done, 50_000, Settings));
    }

    [Fact]
    public void A_slice_is_cut_to_the_budget_the_level_has_left()
    {
        var done = new List<LoadSlice> { Slice(seconds: 0.5, requests: 48_000) };

        Assert.Equal((TimeSpan.FromSeconds(1), 2_000), InterleavedLevel.NextSlice(done, 50_000, Settings));
    }

    [Fact]
    public void A_load_is_done_once_it_has_run_the_level_duration_or_used_the_budget()
    {
        var ranItsTime = Enumerable.Repeat(Slice(seconds: 1.0, requests: 10), 10).ToList();
        var usedItsBudget = new List<LoadSlice> { Slice(seconds: 0.1, requests: 49_999) with { Errors = 1 } };

        Assert.Null(InterleavedLevel.NextSlice(ranItsTime, 50_000, Settings));
        Assert.Null(InterleavedLevel.NextSlice(usedItsBudget, 50_000, Settings));
    }

    private static LoadSlice Slice(double seconds, int requests) =>
        new(50, new long[requests], 0, TimeSpan.FromSeconds(seconds), 0.5, TimeSpan.Zero, null);
}
