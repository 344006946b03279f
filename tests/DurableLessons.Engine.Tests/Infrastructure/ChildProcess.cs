using System.Diagnostics;
using System.Reflection;
using DurableLessons.Testing.Processes;

namespace DurableLessons.Engine.Tests.Infrastructure;

/// <summary>The crash host running as a child process (<c>dotnet DurableLessons.Engine.CrashHost.dll …</c>).</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ITestOutputHelper _output;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
    }

    public static ChildProcess StartCrashHost(ITestOutputHelper output, params string[] arguments)
    {
        var dll = Path.Combine(CrashHostDirectory(), "DurableLessons.Engine.CrashHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The crash host was not built next to the tests.", dll);
        }

        var process = new Process { StartInfo = DotnetProcess.StartInfo(dll, arguments), EnableRaisingEvents = true };
        var child = new ChildProcess(process, output);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, "out");
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, "err");
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {dll}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the host printed READY; fails if it exits first or takes longer than the timeout.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited).WaitAsync(timeout);
        if (first != _ready.Task)
        {
            // On a fast machine a run can finish all remaining work and exit before its READY line has been read.
            await Task.WhenAny(_ready.Task, Task.Delay(TimeSpan.FromSeconds(2)));
            Assert.True(_ready.Task.IsCompleted, $"The crash host exited with {_process.ExitCode} before it was ready.");
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static string CrashHostDirectory() =>
        typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashHostDirectory").Value!;

    private void OnLine(string? line, string stream)
    {
        if (line is null)
        {
            return;
        }

        if (line == "READY")
        {
            _ready.TrySetResult();
        }

        try
        {
            _output.WriteLine($"[child {stream}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished.
        }
    }
}
