using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DurableLessons.StorageOutage.Tests.Infrastructure;

/// <summary>
/// A real Azurite Table emulator (node_modules/.bin/azurite-table) on 127.0.0.1 that can be stopped and started again on
/// the same port with the same on-disk data folder, so what it committed survives the outage.
/// </summary>
/// <remarks>
/// Stopping sends SIGINT: Azurite stops listening at once, closes its connections and flushes its LokiJS database. A
/// SIGKILL would also drop up to 5 s of acknowledged writes (Azurite saves its database on a 5 s timer), which real Table
/// storage never does, so that would test the emulator rather than the application.
/// </remarks>
public sealed class RestartableAzurite : IAsyncDisposable
{
    private const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known, public key of the storage emulators' development account.</summary>
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<string> output = new();
    private readonly string executable;
    private readonly DirectoryInfo dataDirectory;
    private Process? process;

    private RestartableAzurite(string executable, DirectoryInfo dataDirectory, int port)
    {
        this.executable = executable;
        this.dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>How long the last start took until Azurite listened (node start-up is slow on a busy machine).</summary>
    public TimeSpan LastStartDuration { get; private set; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>An account-key connection string with an explicit TableEndpoint on <paramref name="port"/> (Azurite's or a proxy's).</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};" +
        $"AccountKey={DevelopmentAccountKey};TableEndpoint={EndpointOn(port)};";

    public string ConnectionString => ConnectionStringFor(Port);

    public static async Task<RestartableAzurite> StartAsync()
    {
        var executable = Path.Combine(RepositoryRoot.Find(), "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}; run 'npm ci' in the repository root.");
        }

        var azurite = new RestartableAzurite(executable, Directory.CreateTempSubdirectory("azurite-outage-"), FreePort());
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Starts Azurite on the same port and data folder; fails with its output if it does not listen.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }

        process?.Dispose();
        var started = Stopwatch.StartNew();
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = dataDirectory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--location", dataDirectory.FullName, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(CultureInfo.InvariantCulture),
                     "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start Azurite ({executable}): {exception.Message}. Is Node.js installed?", exception);
        }

        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync(process);
        LastStartDuration = started.Elapsed;
    }

    /// <summary>Stops Azurite gracefully (SIGINT) and waits until the process has exited and the port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (!IsRunning)
        {
            throw new InvalidOperationException("Azurite is not running.");
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", process!.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run 'kill'."))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"Azurite did not exit within {StopTimeout.TotalSeconds} s of SIGINT.{Describe()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            process!.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static Uri EndpointOn(int port) => new($"http://127.0.0.1:{port}/{DevelopmentAccountName}");

    private async Task WaitUntilListeningAsync(Process started)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < StartTimeout)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {started.ExitCode} before listening on port {Port}.{Describe()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s.{Describe()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    private string Describe() => output.IsEmpty ? " (no output)" : $" Output:\n{string.Join('\n', output)}";
}
