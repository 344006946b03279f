using System.Diagnostics;
using DurableLessons.Testing.Hosts;

namespace DurableLessons.CrashRecovery.Tests.Infrastructure;

/// <summary>
/// Keeps one host process alive on one data directory, SIGKILLs it at random moments while work is outstanding and
/// starts it again, until the planned kills are spent; then leaves the last host running.
/// </summary>
/// <remarks>
/// A kill at a fixed delay after start-up mostly lands while a cold process is still compiling its first request, so
/// most kills wait for the host to be busy: after a random number (1 to 8) of model calls of this incarnation, plus a
/// random 0–150 ms, which lands inside a model call, between steps, or inside a save. One kill in five lands during
/// start-up instead, while the host opens its journal and resumes the interrupted runs.
/// </remarks>
public sealed class CrashLoop(Func<int, HostProcess> startHost, Func<int> modelCalls, Random random, Action<string> log)
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BusyLimit = TimeSpan.FromSeconds(60);

    private TimeSpan _startupTime = TimeSpan.FromSeconds(1);

    /// <summary>Kills that landed while the host was still starting and recovering, before it answered HTTP.</summary>
    public int KillsDuringStartup { get; private set; }

    public int KillsPerformed { get; private set; }

    /// <summary>Runs the loop; returns the host that is left running, possibly still starting (the caller disposes it).</summary>
    public async Task<HostProcess> RunAsync(int plannedKills, Task workDone, CancellationToken cancellationToken)
    {
        for (var incarnation = 1; ; incarnation++)
        {
            var started = Stopwatch.StartNew();
            var host = startHost(incarnation);
            try
            {
                if (KillsPerformed == plannedKills || workDone.IsCompleted)
                {
                    return host;
                }

                var duringStartup = incarnation > 1 && random.NextDouble() < 0.2;
                if (duringStartup)
                {
                    await Task.Delay(random.Next(50, Math.Max(100, (int)_startupTime.TotalMilliseconds)), cancellationToken);
                }
                else
                {
                    await host.WaitUntilReadyAsync(StartupLimit, cancellationToken);
                    _startupTime = started.Elapsed;
                    if (!await WaitUntilBusyAsync(random.Next(1, 9), workDone, cancellationToken))
                    {
                        return host;
                    }

                    await Task.Delay(random.Next(0, 151), cancellationToken);
                }

                if (workDone.IsCompleted)
                {
                    return host;
                }

                await host.KillAsync();
                KillsPerformed++;
                KillsDuringStartup += duringStartup ? 1 : 0;
                log($"kill {KillsPerformed}/{plannedKills}: host incarnation {incarnation} killed {(duringStartup ? "during start-up" : "while busy")} after {started.Elapsed.TotalSeconds:F1} s");
                host.Dispose();
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
    }

    /// <summary>Waits for <paramref name="calls"/> more model calls; false when the work finished first.</summary>
    private async Task<bool> WaitUntilBusyAsync(int calls, Task workDone, CancellationToken cancellationToken)
    {
        var target = modelCalls() + calls;
        var waited = Stopwatch.StartNew();
        while (modelCalls() < target)
        {
            if (workDone.IsCompleted)
            {
                return false;
            }

            if (waited.Elapsed > BusyLimit)
            {
                throw new TimeoutException($"The host made no progress: fewer than {calls} model calls in {BusyLimit.TotalSeconds} s.");
            }

            await Task.Delay(5, cancellationToken);
        }

        return true;
    }
}
