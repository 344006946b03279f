using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLessons.Http.Links;

/// <summary>
/// Stored JSON text (an instance's input, output or custom status) embedded in a response as the JSON value it is,
/// written as-is instead of being parsed into a DOM and serialized again on every status read; text that is not
/// JSON is embedded as a string.
/// </summary>
[JsonConverter(typeof(EmbeddedJsonValueConverter))]
public sealed record EmbeddedJsonValue(string Json)
{
    public static EmbeddedJsonValue? From(string? json) => json is null ? null : new EmbeddedJsonValue(json);

    /// <summary>A JSON string value holding <paramref name="text"/>.</summary>
    public static EmbeddedJsonValue Text(string text) => new(JsonSerializer.Serialize(text, EmbeddedJsonContext.Default.String));
}

internal sealed class EmbeddedJsonValueConverter : JsonConverter<EmbeddedJsonValue>
{
    public override EmbeddedJsonValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new EmbeddedJsonValue(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, EmbeddedJsonValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            // Validates the text before writing anything, so a failure leaves the writer as it was.
            writer.WriteRawValue(value.Json, skipInputValidation: false);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(value.Json);
        }
    }
}

[JsonSerializable(typeof(string))]
internal sealed partial class EmbeddedJsonContext : JsonSerializerContext;
