using System.Globalization;
using Azure;

namespace DurableLessons.Storage.Tables;

/// <summary>
/// One Table entity: its keys, ETag, service timestamp and typed properties (string, int, long, double, bool,
/// DateTimeOffset, Guid, byte[]). Setting a property to null removes it.
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object> properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The ETag the service returned with the entity; default for entities built locally.</summary>
    public ETag ETag { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public IReadOnlyDictionary<string, object> Properties => properties;

    public object? this[string name]
    {
        get => properties.GetValueOrDefault(name);
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            if (value is null)
            {
                properties.Remove(name);
                return;
            }

            properties[name] = value switch
            {
                string or int or long or double or bool or Guid or byte[] => value,
                DateTimeOffset time => time.ToUniversalTime(),
                DateTime time => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
                _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Table storage cannot hold.", nameof(value)),
            };
        }
    }

    public string? GetString(string name) => this[name] as string;

    public int? GetInt32(string name) => this[name] switch
    {
        int value => value,
        long value when value is >= int.MinValue and <= int.MaxValue => (int)value,
        _ => null,
    };

    public long? GetInt64(string name) => this[name] switch
    {
        long value => value,
        int value => value,
        _ => null,
    };

    public double? GetDouble(string name) => this[name] switch
    {
        double value => value,
        int value => value,
        long value => value,
        _ => null,
    };

    public bool? GetBoolean(string name) => this[name] as bool?;

    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] switch
    {
        DateTimeOffset value => value,
        string value when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed) => parsed,
        _ => null,
    };

    public Guid? GetGuid(string name) => this[name] as Guid?;

    public byte[]? GetBinary(string name) => this[name] as byte[];
}
