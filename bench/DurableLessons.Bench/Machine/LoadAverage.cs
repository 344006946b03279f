using DurableLessons.Testing.Machines;

namespace DurableLessons.Bench.Machine;

/// <summary>The 1/5/15-minute load averages from /proc/loadavg, to tell whether other work shared the machine.</summary>
internal sealed record LoadAverage(string OneFiveFifteen)
{
    public static LoadAverage Read() => new(ThisMachine.LoadAverage());

    public override string ToString() => OneFiveFifteen;
}
