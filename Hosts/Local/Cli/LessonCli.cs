namespace DurableLessons.Hosts.Local.Cli;

/// <summary>
/// The command line of the embedded host besides serving: <c>generate</c> runs one lesson in-process and prints it.
/// Exit codes: 0 done, 1 the run failed, 2 invalid arguments, 130 interrupted.
/// </summary>
public static class LessonCli
{
    public const int Success = 0;
    public const int RunFailed = 1;
    public const int InvalidArguments = 2;
    public const int Interrupted = 130;

    public const string Usage = """
        Usage:
          DurableLessons.Local generate <subject> <topic> --level <level> [--json] [--data-dir DIR]
          DurableLessons.Local [--urls URL] [--Key=value ...]     (serve the API and the web app)

        generate runs one lesson on the embedded engine, shows progress on stderr and prints the
        lesson as Markdown (or the stored JSON with --json) on stdout.
          --level     beginner | intermediate | advanced | expert
          --json      print the stored lesson version as JSON
          --data-dir  where state is kept (default: DataDirectory, ./.data)
        Exit codes: 0 done, 1 the run failed, 2 invalid arguments.
        """;

    /// <summary>True when the arguments ask for the command line rather than the server.</summary>
    public static bool Handles(IReadOnlyList<string> args) =>
        args is not null && args.Count > 0 && args[0] is "generate" or "help" or "--help" or "-h";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        if (args[0] is not "generate" || args.Skip(1).Any(arg => arg is "--help" or "-h"))
        {
            await output.WriteLineAsync(Usage);
            return Success;
        }

        var (arguments, error) = GenerateArguments.Parse(args);
        if (arguments is null)
        {
            await progress.WriteLineAsync($"error: {error}");
            await progress.WriteLineAsync();
            await progress.WriteLineAsync(Usage);
            return InvalidArguments;
        }

        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await new GenerateCommand(arguments, output, progress).RunAsync(interrupt.Token);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            await progress.WriteLineAsync("Interrupted; the run resumes the next time the host starts with this data directory.");
            return Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
