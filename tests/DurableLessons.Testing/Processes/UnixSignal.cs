using System.Diagnostics;
using System.Globalization;

namespace DurableLessons.Testing.Processes;

/// <summary>Sends a POSIX signal other than SIGKILL (which <see cref="Process.Kill()"/> sends) with the system's kill command.</summary>
public static class UnixSignal
{
    /// <summary>SIGINT: what Ctrl+C sends.</summary>
    public const string Interrupt = "INT";

    /// <summary>SIGTERM: what a service manager sends to stop a service.</summary>
    public const string Terminate = "TERM";

    public static async Task SendAsync(int processId, string signal, CancellationToken cancellationToken = default)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run 'kill'.");
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"'kill -{signal} {processId}' failed with exit code {kill.ExitCode}.");
        }
    }
}
