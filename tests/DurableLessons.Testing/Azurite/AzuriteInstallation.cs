using System.Diagnostics;

namespace DurableLessons.Testing.Azurite;

/// <summary>
/// The Azurite the repository pins in package-lock.json (node_modules/.bin/azurite), installed with <c>npm ci</c> when the
/// checkout has no node_modules yet. Test projects run in parallel, so the install holds a lock file that other test
/// processes wait on.
/// </summary>
internal static class AzuriteInstallation
{
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);

    public static async Task<string> FindOrInstallAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (File.Exists(executable))
        {
            return executable;
        }

        using (await HoldInstallLockAsync(root, cancellationToken))
        {
            if (!File.Exists(executable))
            {
                await RunNpmCiAsync(root, cancellationToken);
            }
        }

        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"Azurite is not installed at {executable}, even after 'npm ci' in {root}.");
    }

    private static async Task<FileStream> HoldInstallLockAsync(string root, CancellationToken cancellationToken)
    {
        var checkout = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"durable-lessons-npm-ci-{checkout}.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < NpmTimeout)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(string root, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

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
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(NpmTimeout);
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
}
