using System.Globalization;
using System.Text.Json;
using Azure;

namespace DurableLessons.Storage.Tables;

/// <summary>The Table service's JSON entity format (OData v3, minimal metadata) with <c>@odata.type</c> annotations.</summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case string text:
                    writer.WriteString(name, text);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case long number:
                    writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                    writer.WriteString(name + TypeSuffix, "Edm.Int64");
                    break;
                case double number:
                    if (double.IsFinite(number))
                    {
                        writer.WriteNumber(name, number);
                    }
                    else
                    {
                        writer.WriteString(name, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                    }

                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                case DateTimeOffset time:
                    writer.WriteString(name, FormatDateTime(time));
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    break;
                case Guid guid:
                    writer.WriteString(name, guid.ToString("D"));
                    writer.WriteString(name + TypeSuffix, "Edm.Guid");
                    break;
                case byte[] bytes:
                    writer.WriteBase64String(name, bytes);
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    break;
                default:
                    throw new InvalidOperationException($"Property '{name}' has unsupported type {value.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.ToArray();
    }

    public static TableEntity Read(JsonElement element)
    {
        var partitionKey = element.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() ?? "" : "";
        var rowKey = element.TryGetProperty("RowKey", out var rk) ? rk.GetString() ?? "" : "";
        var etag = element.TryGetProperty("odata.etag", out var etagElement) ? new ETag(etagElement.GetString() ?? "") : default;
        DateTimeOffset? timestamp = element.TryGetProperty("Timestamp", out var ts) && ts.ValueKind == JsonValueKind.String
            ? ParseDateTime(ts.GetString()!)
            : null;

        var entity = new TableEntity(partitionKey, rowKey) { ETag = etag, Timestamp = timestamp };
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var type = element.TryGetProperty(name + TypeSuffix, out var typeElement) ? typeElement.GetString() : null;
            entity[name] = ReadValue(property.Value, type);
        }

        return entity;
    }

    public static string FormatDateTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static object? ReadValue(JsonElement value, string? type) => type switch
    {
        "Edm.Int64" => long.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture),
        "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String
            ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : value.GetDouble(),
        "Edm.DateTime" => ParseDateTime(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Boolean" => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetInt32(out var number) ? (object)number : value.GetDouble(),
            _ => null,
        },
    };
}
