using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLessons.Http.Practice;

/// <summary>How the session view is written: camelCase, enums as camelCase names ("gapFill", "answer", "beginner").</summary>
internal static class PracticeViewJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
