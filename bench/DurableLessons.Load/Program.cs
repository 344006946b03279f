using DurableLessons.Load;
using DurableLessons.Load.Report;

LoadOptions options;
try
{
    if (args.Any(a => a is "-h" or "--help"))
    {
        Console.WriteLine(LoadOptions.Usage);
        return 0;
    }

    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var command = "dotnet run -c Release --project bench/DurableLessons.Load" + (args.Length == 0 ? string.Empty : " -- " + string.Join(' ', args));
var result = await LoadRunner.RunAsync(options, command, Console.Error, cancellation.Token);
Console.WriteLine();
Console.WriteLine(MarkdownReport.Render(result));
return result.Completed == result.Started && result.NotCompleted.Count == 0 ? 0 : 1;
