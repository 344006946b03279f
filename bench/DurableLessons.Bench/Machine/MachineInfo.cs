using System.Runtime;
using System.Runtime.InteropServices;

namespace DurableLessons.Bench.Machine;

/// <summary>What the numbers were measured on, read from the runtime and /proc.</summary>
internal sealed record MachineInfo(
    int ProcessorCount,
    string Memory,
    string CpuModel,
    string OperatingSystem,
    string DotNet,
    string GarbageCollector)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ReadMemory(),
        ReadCpuModel(),
        ReadOperatingSystem(),
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC ? "server" : "workstation");

    private static string ReadCpuModel()
    {
        var line = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string ReadMemory()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kilobytes, out var kb) ? $"{kb / 1024.0 / 1024.0:0.0} GiB" : "unknown";
    }

    private static string ReadOperatingSystem()
    {
        var kernel = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault();
        return kernel is null
            ? RuntimeInformation.OSDescription
            : $"{RuntimeInformation.OSDescription}, Linux {kernel.Trim()}";
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
