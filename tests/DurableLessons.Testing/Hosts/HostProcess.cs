using System.Diagnostics;
using System.Net;
using System.Reflection;
using DurableLessons.Testing.Engines;
using DurableLessons.Testing.Processes;

namespace DurableLessons.Testing.Hosts;

/// <summary>
/// The embedded host (Hosts/Local, the built <c>DurableLessons.Local.dll</c>) as a child process on 127.0.0.1, so it can
/// be killed (SIGKILL) or stopped (SIGTERM) like a real deployment and its memory and CPU are its own. Its stdout and
/// stderr are captured. Disposing kills it if it still runs and deletes a data directory it created.
/// </summary>
public sealed class HostProcess : IAsyncDisposable, IDisposable
{
    private const string HostAssembly = "DurableLessons.Local.dll";
    private static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ProcessOutput _output;
    private readonly bool _ownsDataDirectory;
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(10) };

    private HostProcess(Process process, ProcessOutput output, Uri baseAddress, string dataDirectory, bool ownsDataDirectory)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>The host's root URL, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The latest lines the host wrote to stdout and stderr, oldest first.</summary>
    public IReadOnlyList<string> OutputLines => _output.Lines;

    /// <summary>The folder holding the built host (recorded by the build of this library, same configuration).</summary>
    public static string HostDirectory() =>
        Path.GetFullPath(typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "LocalHostDirectory")?.Value
        ?? throw new InvalidOperationException("The build did not record where the embedded host is (LocalHostDirectory)."));

    /// <summary>Starts the host and returns at once, before it answers (see <see cref="WaitUntilReadyAsync"/>).</summary>
    public static HostProcess Start(HostProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hostDirectory = HostDirectory();
        var assembly = Path.Combine(hostDirectory, HostAssembly);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"The embedded host is not built at {assembly}; build the test project (it builds Hosts/Local).", assembly);
        }

        var ownsDataDirectory = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("durable-lessons-host-").FullName;
        var port = options.Port ?? FreePort.Find();
        var start = DotnetProcess.StartInfo(
            assembly,
            ["--urls", $"http://127.0.0.1:{port}", $"--DataDirectory={dataDirectory}", .. options.Settings.Select(setting => $"--{setting.Key}={setting.Value}")]);
        start.WorkingDirectory = hostDirectory;

        // Whatever the developer's shell has set must not point the host at a real model or another environment.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in options.Environment)
        {
            start.Environment[key] = value;
        }

        var output = new ProcessOutput(options.OutputLinesKept, options.LogPath);
        var process = new Process { StartInfo = start };
        output.Capture(process);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            output.Dispose();
            process.Dispose();
            throw new InvalidOperationException($"Could not start {assembly}: {exception.Message}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, output, new Uri($"http://127.0.0.1:{port}/"), dataDirectory, ownsDataDirectory);
    }

    /// <summary>Starts the host and waits until it answers HTTP; throws with its output if it exits or stays silent.</summary>
    public static async Task<HostProcess> StartAsync(HostProcessOptions options, CancellationToken cancellationToken = default)
    {
        var host = Start(options);
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken: cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until the management API answers (404 for an instance nobody started, or 401/403 when auth is on); throws
    /// with the host's output if it exits first or stays silent past <paramref name="timeout"/> (default 60 s).
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? DefaultReadyTimeout;
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was ready. {_output.Describe()}");
            }

            try
            {
                using var response = await _probe.GetAsync(new Uri(BaseAddress, "runtime/webhooks/durabletask/instances/readiness-probe"), cancellationToken);
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A cold host can take longer than the probe's timeout to answer its first request.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"The host did not answer on {BaseAddress} within {limit.TotalSeconds} s. {_output.Describe()}");
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed beyond what was already committed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the host to finish its graceful shutdown; returns its exit code.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            await UnixSignal.SendAsync(_process.Id, UnixSignal.Terminate, cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>The latest output lines as one text, for an exception message.</summary>
    public string DescribeOutput() => _output.Describe();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _output.Dispose();
        _probe.Dispose();
        if (_ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Dispose();
    }
}
