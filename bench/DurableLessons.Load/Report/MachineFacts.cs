using System.Runtime.InteropServices;
using System.Text.Json;

namespace DurableLessons.Load.Report;

/// <summary>What the numbers were measured on, read from the runtime and /proc.</summary>
internal sealed record MachineFacts(int ProcessorCount, string Memory, string CpuModel, string OperatingSystem, string DotNet, string HostGarbageCollector)
{
    public static MachineFacts Read(string hostDirectory, IReadOnlyList<KeyValuePair<string, string>> hostEnvironment) => new(
        Environment.ProcessorCount,
        ReadMemory(),
        ReadCpuModel(),
        RuntimeInformation.OSDescription + (ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() is { } kernel ? $", Linux {kernel.Trim()}" : string.Empty),
        RuntimeInformation.FrameworkDescription,
        HostGc(hostDirectory, hostEnvironment));

    /// <summary>The 1/5/15-minute load averages, to tell whether other work shared the machine.</summary>
    public static string LoadAverage() =>
        ReadLines("/proc/loadavg").FirstOrDefault() is { } line
            ? string.Join(" / ", line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))
            : "unknown";

    // The host's runtimeconfig decides its GC unless an environment knob given with --host-env overrides it.
    private static string HostGc(string hostDirectory, IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        var overrides = environment.Where(e => e.Key.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase))
            .Select(e => $"{e.Key}={e.Value}")
            .ToList();
        var server = false;
        var config = Path.Combine(hostDirectory, "DurableLessons.Local.runtimeconfig.json");
        if (File.Exists(config))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(config));
            server = document.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
                && properties.TryGetProperty("System.GC.Server", out var value) && value.GetBoolean();
        }

        var gc = server ? "server (runtimeconfig)" : "workstation (runtimeconfig)";
        return overrides.Count == 0 ? gc : $"{gc}, overridden by {string.Join(" ", overrides)}";
    }

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

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
