using DurableLessons.Bench.Providers;
using DurableLessons.Bench.Engine;
using DurableLessons.Bench.Http;
using DurableLessons.Bench.Machine;
using DurableLessons.Bench.Sqlite;

namespace DurableLessons.Bench.Report;

/// <summary>Everything one run measured; a part that failed is null and its error is in <see cref="Errors"/>.</summary>
internal sealed record BenchReport
{
    public required string Command { get; init; }

    public required BenchSettings Settings { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public required MachineInfo Machine { get; init; }

    public required LoadAverage LoadAtStart { get; init; }

    public required LoadAverage LoadAtEnd { get; init; }

    public SqliteCommitResult? Sqlite { get; init; }

    public required IReadOnlyList<EngineThroughputResult> Engine { get; init; }

    public KestrelResult? Kestrel { get; init; }

    public HostLatencyResult? Host { get; init; }

    /// <summary>The embedded engine and DTFx + Azure Storage (one and two workers) on the same workload.</summary>
    public IReadOnlyList<ProviderResult> Providers { get; init; } = [];

    public required IReadOnlyList<string> Errors { get; init; }
}
