using System.Globalization;

namespace DurableLessons.Storage.Tables;

/// <summary>
/// Builds OData <c>$filter</c> expressions from interpolated strings, turning every interpolated value into a typed
/// literal: strings are quoted with embedded quotes doubled, so a value can never end its literal and add clauses.
/// <code>TableFilter.Create($"PartitionKey eq {partitionKey} and RowKey ge {from}")</code>
/// </summary>
public static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(value => (object)Literal(value)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>The OData literal for one value.</summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value), "A filter value cannot be null."),
        string text => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset time => $"datetime'{TableEntityJson.FormatDateTime(time)}'",
        DateTime time => $"datetime'{TableEntityJson.FormatDateTime(new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero))}'",
        Guid guid => $"guid'{guid:D}'",
        _ => throw new ArgumentException($"A value of type {value.GetType().Name} cannot be used in a Table filter.", nameof(value)),
    };

    /// <summary>A filter matching every key that starts with <paramref name="prefix"/>; the range's end is exclusive.</summary>
    public static string StartsWith(string keyProperty, string prefix, string exclusiveUpperBound)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyProperty);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(exclusiveUpperBound);
        return $"{keyProperty} ge {Literal(prefix)} and {keyProperty} lt {Literal(exclusiveUpperBound)}";
    }
}
