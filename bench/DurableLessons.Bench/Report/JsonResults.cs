using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLessons.Bench.Report;

/// <summary>The latest full run, machine-readable (<see cref="ResultsDocument"/>), in bench/results/latest.json next to the README's table.</summary>
internal static class JsonResults
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string PathNextTo(string readmePath) =>
        Path.Combine(Path.GetDirectoryName(readmePath)!, "results", "latest.json");

    public static async Task WriteAsync(string path, BenchReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, ResultsDocument.From(report), Options, cancellationToken);
    }
}
