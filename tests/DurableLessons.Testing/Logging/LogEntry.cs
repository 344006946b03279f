using System.Text;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Testing.Logging;

/// <summary>One log entry as <see cref="CapturedLogs"/> kept it.</summary>
public sealed record LogEntry(
    string Category,
    LogLevel Level,
    string Message,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<string> Scopes,
    Exception? Exception)
{
    /// <summary>The formatted message, then the exception (with its inner exceptions and stack) if there is one.</summary>
    public string MessageWithException => Exception is null ? Message : $"{Message} {Exception}";

    /// <summary>Everything an operator could read from the entry, as one line: level, category, message, each structured value, scopes, exception.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder().Append(Level).Append(' ').Append(Category).Append(": ").Append(Message);
            foreach (var (name, value) in Values)
            {
                text.Append(" | ").Append(name).Append('=').Append(value);
            }

            foreach (var scope in Scopes)
            {
                text.Append(" | scope ").Append(scope);
            }

            return Exception is null ? text.ToString() : text.Append(" | exception ").Append(Exception).ToString();
        }
    }

    /// <summary>Whether <paramref name="value"/> appears anywhere in <see cref="Text"/>.</summary>
    public bool Mentions(string value) => Text.Contains(value, StringComparison.Ordinal);
}
