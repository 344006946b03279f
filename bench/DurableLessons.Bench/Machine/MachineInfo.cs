using System.Runtime;
using System.Runtime.InteropServices;
using DurableLessons.Testing.Machines;

namespace DurableLessons.Bench.Machine;

/// <summary>What the numbers were measured on (<see cref="ThisMachine"/>).</summary>
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
        ThisMachine.Memory(),
        ThisMachine.CpuModel(),
        ThisMachine.OperatingSystem(),
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC ? "server" : "workstation");
}
