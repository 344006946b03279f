using System.Globalization;

namespace DurableLessons.CrashRecovery.Tests;

/// <summary>
/// How hard the crash test pushes: the CI form by default, the long form through environment variables
/// (<c>CRASH_SOAK_RUNS</c>, <c>CRASH_SOAK_KILLS</c>, <c>CRASH_SOAK_SEED</c> to replay a failure; see scripts/crash-soak.sh).
/// </summary>
public sealed record CrashSoakSettings(int Runs, int Kills, int Seed)
{
    public const int DefaultRuns = 12;
    public const int DefaultKills = 3;

    public static CrashSoakSettings FromEnvironment()
    {
        var settings = new CrashSoakSettings(
            Read("CRASH_SOAK_RUNS") ?? DefaultRuns,
            Read("CRASH_SOAK_KILLS") ?? DefaultKills,
            Read("CRASH_SOAK_SEED") ?? Environment.TickCount);

        // Every lesson needs a run, and each kill waits for up to 8 model calls, so the runs must make enough of them.
        if (settings.Runs < 3 || settings.Kills < 0 || settings.Kills > settings.Runs / 2)
        {
            throw new InvalidOperationException($"CRASH_SOAK_RUNS must be at least 3 and CRASH_SOAK_KILLS between 0 and half the runs (got {settings.Runs} runs, {settings.Kills} kills).");
        }

        return settings;
    }

    private static int? Read(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{name} must be an integer, not '{value}'.");
    }
}
