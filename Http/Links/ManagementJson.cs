using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLessons.Http.Links;

/// <summary>Serializer settings of every management response: camelCase, nulls written (clients expect the keys).</summary>
public static class ManagementJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
