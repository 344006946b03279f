using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace DurableLessons.Load.EmbeddedHost;

/// <summary>
/// The embedded host (<c>Hosts/Local</c>, built in the same configuration as this driver) run as a child process on
/// 127.0.0.1 with a fresh temp data directory, so its memory and CPU are its own. Disposing kills it and deletes the
/// data directory.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const string HostAssembly = "DurableLessons.Local.dll";
    private const int OutputLinesKept = 40;

    private readonly Process process;
    private readonly Queue<string> output = new();

    private HostProcess(Process process, Uri baseUri, string dataDirectory)
    {
        this.process = process;
        BaseUri = baseUri;
        DataDirectory = dataDirectory;
    }

    public Uri BaseUri { get; }

    public string DataDirectory { get; }

    public int ProcessId => process.Id;

    public static string HostDirectory() =>
        typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "EmbeddedHostDirectory")?.Value
        ?? throw new InvalidOperationException("The build did not record where the embedded host is (EmbeddedHostDirectory).");

    public static async Task<HostProcess> StartAsync(HostSettings settings, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hostDirectory = Path.GetFullPath(HostDirectory());
        var assembly = Path.Combine(hostDirectory, HostAssembly);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"The embedded host is not built at {assembly}; run: dotnet build bench/DurableLessons.Load -c Release", assembly);
        }

        var dataDirectory = Directory.CreateTempSubdirectory("durable-lessons-load-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = hostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in settings.ConfigurationKeys(dataDirectory))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings.Environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the embedded host.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"), dataDirectory);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(http, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines the host wrote (it logs at Warning), for error reports.</summary>
    public string RecentOutput()
    {
        lock (output)
        {
            return string.Join(Environment.NewLine, output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitUntilReadyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The embedded host exited with code {process.ExitCode} before answering:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(BaseUri, cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        throw new TimeoutException($"The embedded host did not answer on {BaseUri} within 60 s:{Environment.NewLine}{RecentOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > OutputLinesKept)
            {
                output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
