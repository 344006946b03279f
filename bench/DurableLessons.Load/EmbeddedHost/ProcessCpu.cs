using System.Globalization;

namespace DurableLessons.Load.EmbeddedHost;

/// <summary>CPU time (user + system) a process has used so far, from /proc/{pid}/stat.</summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux build .NET supports.
    private const double TicksPerSecond = 100;

    public static double Seconds(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");

            // Fields after the command name, which is in parentheses and may contain spaces; utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
