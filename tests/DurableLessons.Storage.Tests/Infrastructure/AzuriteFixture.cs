using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DurableLessons.Storage.Tests.Infrastructure;

/// <summary>
/// A real Azurite Table emulator (node_modules/.bin/azurite-table, pinned in package-lock.json) on 127.0.0.1 and a free
/// port, in memory, for the whole test run. Runs <c>npm ci</c> first if the repository has no node_modules. If Azurite
/// cannot start, every test using it fails with the reason. <see cref="StartWithOAuthAsync"/> starts one over https that
/// also takes Entra ID bearer tokens (Azurite's basic OAuth: issuer, audience and lifetime are checked, not signatures).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known, public key of the storage emulators' development account.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentQueue<string> output = new();
    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), $"azurite-{Guid.NewGuid():N}");
    private readonly string scheme = "http";
    private readonly string[] extraArguments = [];
    private Process? process;

    public AzuriteFixture()
    {
    }

    private AzuriteFixture(string certificatePath, string keyPath)
    {
        scheme = "https";
        extraArguments = ["--oauth", "basic", "--cert", certificatePath, "--key", keyPath];
    }

    public int Port { get; private set; }

    public Uri TableEndpoint => new($"{scheme}://127.0.0.1:{Port}/{DevelopmentAccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol={scheme};AccountName={DevelopmentAccountName};" +
        $"AccountKey={DevelopmentAccountKey};TableEndpoint={TableEndpoint};";

    /// <summary>An Azurite serving https with the given PEM certificate and key, in OAuth mode; dispose it after the test.</summary>
    public static async Task<AzuriteFixture> StartWithOAuthAsync(string certificatePath, string keyPath)
    {
        var azurite = new AzuriteFixture(certificatePath, keyPath);
        try
        {
            await azurite.InitializeAsync();
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Table storage on this Azurite under a table prefix of its own, so a test starts with empty tables.</summary>
    public IReadOnlyDictionary<string, string?> FreshTableSettings() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Table",
        ["Storage:Table:ConnectionString"] = ConnectionString,
        ["Storage:Table:TablePrefix"] = $"t{Guid.NewGuid():N}"[..20],
    };

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            await RunNpmCiAsync(root);
        }

        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}, even after 'npm ci' in {root}.");
        }

        Directory.CreateDirectory(workDirectory);
        Port = FreePort();
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--inMemoryPersistence", "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                 }.Concat(extraArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"Could not start Azurite ({executable}): {exception.Message}. Is Node.js installed?", exception);
        }

        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process?.Dispose();
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }

        return Task.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on port {Port}.{Describe()}");
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

    private static async Task RunNpmCiAsync(string root)
    {
        var startInfo = new ProcessStartInfo("npm")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process npm;
        try
        {
            npm = Process.Start(startInfo) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"node_modules is missing and npm could not be started to install Azurite: {exception.Message}", exception);
        }

        using (npm)
        using (var timeout = new CancellationTokenSource(NpmTimeout))
        {
            var stdout = npm.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = npm.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await npm.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"'npm ci' in {root} did not finish within {NpmTimeout.TotalMinutes} minutes.");
            }

            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"'npm ci' in {root} failed with exit code {npm.ExitCode}:\n{await stdout}\n{await stderr}");
            }
        }
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

[CollectionDefinition(Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
