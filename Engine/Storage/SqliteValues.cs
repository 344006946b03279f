using Microsoft.Data.Sqlite;

namespace DurableLessons.Engine.Storage;

/// <summary>Conversions between columns and .NET values (times are UTC ticks).</summary>
internal static class SqliteValues
{
    public static long Ticks(DateTime utc) => utc.Ticks;

    public static DateTime Time(long ticks) => new(ticks, DateTimeKind.Utc);

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateTime? NullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));

    public static DateTime TimeAt(this SqliteDataReader reader, int ordinal) => Time(reader.GetInt64(ordinal));
}
