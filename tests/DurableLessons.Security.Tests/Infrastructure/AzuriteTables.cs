using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace DurableLessons.Security.Tests.Infrastructure;

/// <summary>
/// Azurite's Table emulator (the repository's node_modules/.bin/azurite-table) on 127.0.0.1 and a free port, in
/// memory, with a storage account of its own whose key is fresh random bytes: a real secret the tests can look for.
/// Fails with Azurite's output if it cannot start.
/// </summary>
public sealed class AzuriteTables : IAsyncDisposable
{
    private const string AccountName = "leakcheck";

    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private AzuriteTables(Process process, int port, string accountKey)
    {
        _process = process;
        Port = port;
        AccountKey = accountKey;
    }

    public int Port { get; }

    public string AccountKey { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public static async Task<AzuriteTables> StartAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run 'npm ci' in the repository root.");
        }

        var port = FreePort();
        var accountKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["AZURITE_ACCOUNTS"] = $"{AccountName}:{accountKey}";
        foreach (var argument in new[] { "--inMemoryPersistence", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var azurite = new AzuriteTables(process, port, accountKey);
        process.OutputDataReceived += (_, line) => azurite.Collect(line.Data);
        process.ErrorDataReceived += (_, line) => azurite.Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await azurite.WaitUntilListeningAsync();
        return azurite;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {string.Join('\n', _output)}");
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

        throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{Port} within 60 s: {string.Join('\n', _output)}");
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DurableLessons.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DurableLessons.sln above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
