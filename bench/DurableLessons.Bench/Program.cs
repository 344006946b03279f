using DurableLessons.Bench;
using DurableLessons.Bench.Report;
using DurableLessons.Engine.Storage;
using Microsoft.Extensions.Logging.Abstractions;

const string Usage = """
    Usage: dotnet run -c Release --project bench/DurableLessons.Bench -- [--quick] [--no-readme] [--only PARTS]
      --quick       about 2 s per measurement instead of about 10 s; never writes bench/README.md or bench/results/latest.json
      --no-readme   full run without updating bench/README.md and bench/results/latest.json
      --only PARTS  run only these parts (comma-separated: sqlite, engine, kestrel, host, providers); never writes bench/README.md
    """;

// SQLite as the engine sets it up in a host, before this process opens its first connection (the SQLite baseline's):
// the engine would find SQLite started and leave it as it is, and the baseline would run under another setting.
SqliteMemoryStatistics.Disable(NullLogger.Instance);

var quick = false;
var writeReadme = true;
var parts = BenchParts.All;
for (var index = 0; index < args.Length; index++)
{
    var argument = args[index];
    switch (argument)
    {
        case "--quick":
            quick = true;
            break;
        case "--no-readme":
            writeReadme = false;
            break;
        case "--only" when index + 1 < args.Length && BenchParts.TryParse(args[index + 1], out var selected):
            parts = selected;
            writeReadme = false;
            index++;
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{argument}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

var settings = quick ? BenchSettings.QuickMode : BenchSettings.Full;
var command = "dotnet run -c Release --project bench/DurableLessons.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : string.Empty);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var report = await BenchRunner.RunAsync(settings, parts, command, cancellation.Token);
var markdown = MarkdownReport.Render(report);
Console.WriteLine();
Console.WriteLine(markdown);

if (!quick && writeReadme)
{
    if (ReadmeResults.FindReadme() is { } readme)
    {
        await ReadmeResults.WriteAsync(readme, markdown, cancellation.Token);
        var json = JsonResults.PathNextTo(readme);
        await JsonResults.WriteAsync(json, report, cancellation.Token);
        Console.Error.WriteLine($"Results written to {readme} and {json}");
    }
    else
    {
        Console.Error.WriteLine("bench/README.md not found next to the build output or the working directory; results not saved.");
    }
}

return report.Errors.Count == 0 ? 0 : 1;
