using System.Diagnostics;

namespace DurableLessons.Testing.Processes;

/// <summary>How a test starts a built .NET app as a child process: <c>dotnet app.dll args…</c>, both streams redirected.</summary>
public static class DotnetProcess
{
    /// <summary>The start info for <paramref name="assembly"/> with <paramref name="arguments"/>, on the SDK's own dotnet when the test runs under it.</summary>
    public static ProcessStartInfo StartInfo(string assembly, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
