using System.Security.Cryptography;
using System.Text;

namespace DurableLessons.Shared.Lessons;

/// <summary>
/// Identifies a lesson across its versions. Subject and topic are normalized (trimmed, inner white space folded to
/// one space, lower-cased) so "English " and "english" are the same lesson; <see cref="StorageId"/> is a form safe
/// for Table storage keys, SQL and instance ids (no '/', '\', '#', '?', control characters).
/// </summary>
public sealed record LessonKey
{
    public LessonKey(string subject, string topic, LessonLevel level)
    {
        Subject = Normalize(subject);
        Topic = Normalize(topic);
        Level = level;
    }

    public string Subject { get; }

    public string Topic { get; }

    public LessonLevel Level { get; }

    /// <summary>A stable, key-safe id: readable slug plus a hash of the exact normalized text, so distinct keys never collide.</summary>
    public string StorageId => $"{Level.ToWire()}~{Slug(Subject)}~{Slug(Topic)}~{Hash($"{Subject}\n{Topic}\n{Level.ToWire()}")}";

    /// <summary>The instance id of the singleton lesson-generation run for this key.</summary>
    public string RunInstanceId => $"lesson~{StorageId}";

    public override string ToString() => $"{Subject} / {Topic} ({Level.ToWire()})";

    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var rune in value.Trim().EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Slug(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 40));
        foreach (var c in value)
        {
            if (builder.Length == 40)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return builder.ToString();
    }

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 6));
}
