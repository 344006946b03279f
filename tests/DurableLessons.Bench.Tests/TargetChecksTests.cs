using DurableLessons.Bench.Http;
using DurableLessons.Bench.Machine;
using DurableLessons.Bench.Report;
using DurableLessons.Bench.Warmup;

namespace DurableLessons.Bench.Tests;

/// <summary>The HTTP targets compare the host's and bare Kestrel's rows of one client count, or say they could not.</summary>
public sealed class TargetChecksTests
{
    private static readonly WarmupResult Warm = new(TimeSpan.FromSeconds(2), 2, 0.001, Quiet: true);

    [Fact]
    public void Judges_the_host_against_bare_Kestrel_at_the_same_client_count()
    {
        var report = Report(Kestrel(Level(50, requests: 20_000, p50: 2, p99: 10)), Host(start: Level(50, requests: 4_000, p50: 5, p99: 25), status: Level(50, requests: 13_000, p50: 3, p99: 12)));

        var checks = TargetChecks.Evaluate(report).Where(check => check.Target.EndsWith("50 clients", StringComparison.Ordinal)).ToList();

        Assert.Equal([true, false, true], checks.Select(check => check.Passed));
        Assert.Equal([2.5, 2.5, 0.65], checks.Select(check => Math.Round(check.Ratio!.Value, 2)));
    }

    [Theory]
    [InlineData(true, false, "no embedded host level at 50 clients")]
    [InlineData(false, true, "no bare Kestrel level at 50 clients")]
    public void A_run_with_one_server_says_the_ratios_were_not_measured(bool withKestrel, bool withHost, string reason)
    {
        var report = Report(
            withKestrel ? Kestrel(Level(50, 20_000, 2, 10), Level(200, 20_000, 8, 30)) : null,
            withHost ? Host(Level(50, 4_000, 5, 25), Level(50, 13_000, 3, 12)) : null);

        var checks = TargetChecks.Evaluate(report);

        Assert.Equal(6, checks.Count);
        Assert.All(checks, check => Assert.Null(check.Passed));
        Assert.All(checks, check => Assert.Equal("not measured", TargetChecks.Verdict(check)));
        Assert.Equal(3, checks.Count(check => check.Measured.Contains(reason, StringComparison.Ordinal)));
    }

    private static LatencySummary Level(int clients, int requests, double p50, double p99) =>
        new(clients, requests, 0, TimeSpan.FromSeconds(10), p50, p99, 0.9, TimeSpan.Zero, null);

    private static KestrelResult Kestrel(params LatencySummary[] levels) => new(levels, [], Warm);

    private static HostLatencyResult Host(LatencySummary start, LatencySummary status) =>
        new([start], [status], [], [], [TimeSpan.FromSeconds(1)], 0, Warm, Warm);

    private static BenchReport Report(KestrelResult? kestrel, HostLatencyResult? host) => new()
    {
        Command = "test",
        Settings = BenchSettings.QuickMode,
        StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromMinutes(1),
        Machine = new MachineInfo(2, "1 GiB", "cpu", "os", ".NET", "workstation"),
        LoadAtStart = new LoadAverage("0 / 0 / 0"),
        LoadAtEnd = new LoadAverage("0 / 0 / 0"),
        Engine = [],
        Kestrel = kestrel,
        Host = host,
        Errors = [],
    };
}
