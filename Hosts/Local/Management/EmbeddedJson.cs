using System.Text.Json;
using System.Text.Json.Nodes;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>Embeds stored JSON text as a JSON value; text that is not JSON is embedded as a string.</summary>
internal static class EmbeddedJson
{
    public static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
