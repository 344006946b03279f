using System.Diagnostics;

namespace DurableLessons.Bench.Machine;

/// <summary>This process's CPU use over an interval, as a share of all cores (1.0 = every core busy all the time).</summary>
internal readonly struct ProcessCpu
{
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startTimestamp;

    private ProcessCpu(TimeSpan cpuAtStart, long startTimestamp)
    {
        _cpuAtStart = cpuAtStart;
        _startTimestamp = startTimestamp;
    }

    public static ProcessCpu Start() => new(CpuTime(), Stopwatch.GetTimestamp());

    public double ShareOfMachine()
    {
        var wall = Stopwatch.GetElapsedTime(_startTimestamp);
        return (CpuTime() - _cpuAtStart) / wall / Environment.ProcessorCount;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
