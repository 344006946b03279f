using System.Runtime.InteropServices;
using System.Text.Json;
using DurableLessons.Testing.Machines;

namespace DurableLessons.Load.Report;

/// <summary>What the numbers were measured on, read from the runtime and /proc.</summary>
internal sealed record MachineFacts(int ProcessorCount, string Memory, string CpuModel, string OperatingSystem, string DotNet, string HostGarbageCollector)
{
    public static MachineFacts Read(string hostDirectory, IReadOnlyList<KeyValuePair<string, string>> hostEnvironment) => new(
        Environment.ProcessorCount,
        ThisMachine.Memory(),
        ThisMachine.CpuModel(),
        ThisMachine.OperatingSystem(),
        RuntimeInformation.FrameworkDescription,
        HostGc(hostDirectory, hostEnvironment));

    /// <summary>The 1/5/15-minute load averages, to tell whether other work shared the machine.</summary>
    public static string LoadAverage() => ThisMachine.LoadAverage();

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
}
