using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DurableLessons.Testing.Engines;
using DurableLessons.Testing.Processes;

namespace DurableLessons.Testing.Azurite;

/// <summary>
/// A real Azurite (node_modules/.bin/azurite, pinned in package-lock.json; installed with <c>npm ci</c> if missing) serving
/// blob, queue and table storage on 127.0.0.1, each on a free port, with its data in a temp folder of its own. It can be
/// stopped (gracefully or killed) and started again on the same ports and folder, so what it committed survives the
/// outage. If it cannot start, <see cref="StartAsync"/> throws with Azurite's output. Disposing kills it and deletes the folder.
/// </summary>
/// <remarks>
/// <see cref="StopAsync"/> sends SIGINT: Azurite stops listening, closes its connections and flushes its LokiJS database.
/// <see cref="KillAsync"/> sends SIGKILL, which also drops up to 5 s of acknowledged writes (Azurite saves its database
/// on a 5 s timer) — real storage never does that, so use it only to test the emulator-independent part of a crash.
/// </remarks>
public sealed class AzuriteServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly string _executable;
    private readonly DirectoryInfo _folder;
    private readonly AzuriteOptions _options;
    private readonly string? _certificatePath;
    private readonly string? _keyPath;
    private Process? _process;
    private ProcessOutput? _output;

    private AzuriteServer(string executable, DirectoryInfo folder, AzuriteOptions options)
    {
        _executable = executable;
        _folder = folder;
        _options = options;
        BlobPort = FreePort.Find();
        QueuePort = FreePort.Find();
        TablePort = FreePort.Find();
        if (options.OAuthCertificate is { } certificate)
        {
            (_certificatePath, _keyPath) = LoopbackCertificate.WritePem(certificate, folder.FullName);
        }
    }

    public AzuriteAccount Account => _options.Account;

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>"https" in OAuth mode, else "http".</summary>
    public string Scheme => _options.OAuthCertificate is null ? "http" : "https";

    public Uri BlobEndpoint => EndpointOn(BlobPort);

    public Uri QueueEndpoint => EndpointOn(QueuePort);

    public Uri TableEndpoint => EndpointOn(TablePort);

    /// <summary>A shared-key connection string naming all three endpoints.</summary>
    public string ConnectionString => ConnectionStringVia();

    /// <summary>Where Azurite keeps its data across restarts.</summary>
    public string DataDirectory => Path.Combine(_folder.FullName, "data");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>How long the last start took until Azurite listened (node start-up is slow on a busy machine).</summary>
    public TimeSpan LastStartDuration { get; private set; }

    /// <summary>The latest lines Azurite wrote (its access log is off).</summary>
    public IReadOnlyList<string> OutputLines => _output?.Lines ?? [];

    /// <summary>Installs Azurite if needed, starts it and waits until all three services listen.</summary>
    public static async Task<AzuriteServer> StartAsync(AzuriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var executable = await AzuriteInstallation.FindOrInstallAsync(cancellationToken);
        var azurite = new AzuriteServer(executable, Directory.CreateTempSubdirectory("azurite-"), options ?? new AzuriteOptions());
        try
        {
            await azurite.StartAgainAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The connection string with some endpoints moved to other loopback ports (a proxy in front of Azurite); the
    /// endpoints not named stay Azurite's own.
    /// </summary>
    public string ConnectionStringVia(int? blobPort = null, int? queuePort = null, int? tablePort = null) =>
        $"DefaultEndpointsProtocol={Scheme};AccountName={Account.Name};AccountKey={Account.Key};" +
        $"BlobEndpoint={EndpointOn(blobPort ?? BlobPort)};QueueEndpoint={EndpointOn(queuePort ?? QueuePort)};" +
        $"TableEndpoint={EndpointOn(tablePort ?? TablePort)};";

    /// <summary>Starts Azurite again on the same ports and data folder; throws with its output if it does not listen.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }

        _process?.Dispose();
        _output?.Dispose();
        var started = Stopwatch.StartNew();
        var startInfo = StartInfo();
        _output = new ProcessOutput(capacity: 200);
        _process = new Process { StartInfo = startInfo };
        _output.Capture(_process);
        try
        {
            _process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start Azurite ({_executable}): {exception.Message}. Is Node.js installed?", exception);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await WaitUntilListeningAsync(_process, cancellationToken);
        }
        catch
        {
            await KillAsync();
            throw;
        }

        LastStartDuration = started.Elapsed;
    }

    /// <summary>Stops Azurite gracefully (SIGINT) and waits until it has exited; throws if it does not exit in 20 s.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var process = RunningProcess();
        await UnixSignal.SendAsync(process.Id, UnixSignal.Interrupt, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Azurite did not exit within {StopTimeout.TotalSeconds} s of SIGINT. {_output?.Describe()}");
        }
    }

    /// <summary>Kills Azurite (SIGKILL) and waits until it has exited; does nothing if it is not running.</summary>
    public async Task KillAsync()
    {
        if (IsRunning)
        {
            _process!.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Stops Azurite gracefully and starts it again on the same ports and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await StartAgainAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _output?.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private ProcessStartInfo StartInfo()
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new List<string>
        {
            "--location", DataDirectory,
            "--blobHost", "127.0.0.1", "--blobPort", Invariant(BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Invariant(QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Invariant(TablePort),
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        };
        if (_certificatePath is not null)
        {
            arguments.AddRange(["--oauth", "basic", "--cert", _certificatePath, "--key", _keyPath!]);
        }

        arguments.ForEach(startInfo.ArgumentList.Add);
        if (Account == AzuriteAccount.Development)
        {
            startInfo.Environment.Remove("AZURITE_ACCOUNTS");
        }
        else
        {
            startInfo.Environment["AZURITE_ACCOUNTS"] = $"{Account.Name}:{Account.Key}";
        }

        return startInfo;
    }

    private async Task WaitUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on 127.0.0.1:{port}. {_output?.Describe()}");
                }

                if (elapsed.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{port} within {StartTimeout.TotalSeconds} s. {_output?.Describe()}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }

    private Process RunningProcess() =>
        IsRunning ? _process! : throw new InvalidOperationException("Azurite is not running.");

    private Uri EndpointOn(int port) => new($"{Scheme}://127.0.0.1:{port}/{Account.Name}");

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);
}
