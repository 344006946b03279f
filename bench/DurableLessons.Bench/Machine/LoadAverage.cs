namespace DurableLessons.Bench.Machine;

/// <summary>The 1/5/15-minute load averages from /proc/loadavg, to tell whether other work shared the machine.</summary>
internal sealed record LoadAverage(string OneFiveFifteen)
{
    public static LoadAverage Read()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return new LoadAverage("unknown");
        }

        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new LoadAverage(string.Join(" / ", parts.Take(3)));
    }

    public override string ToString() => OneFiveFifteen;
}
