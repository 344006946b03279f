using System.Runtime.InteropServices;

namespace DurableLessons.Testing.Machines;

/// <summary>What a benchmark ran on, read from the runtime and /proc (the same words in every bench report).</summary>
public static class ThisMachine
{
    public static string CpuModel()
    {
        var line = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public static string Memory()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kilobytes, out var kb) ? FormattableString.Invariant($"{kb / 1024.0 / 1024.0:0.0} GiB") : "unknown";
    }

    public static string OperatingSystem() =>
        ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() is { } kernel
            ? $"{RuntimeInformation.OSDescription}, Linux {kernel.Trim()}"
            : RuntimeInformation.OSDescription;

    /// <summary>The 1/5/15-minute load averages ("1.2 / 0.8 / 0.5"), to tell whether other work shared the machine.</summary>
    public static string LoadAverage() =>
        ReadLines("/proc/loadavg").FirstOrDefault() is { } line
            ? string.Join(" / ", line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))
            : "unknown";

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
