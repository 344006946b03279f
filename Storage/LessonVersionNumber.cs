using System.Globalization;

namespace DurableLessons.Storage;

/// <summary>Version strings "1.0", "1.1", … "1.10": the minor number counts saves of a lesson from zero.</summary>
internal static class LessonVersionNumber
{
    private const string MajorPrefix = "1.";

    public static string Format(int minor) => MajorPrefix + minor.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts only the canonical form a store hands out ("1.07" and "1.x" are not versions).</summary>
    public static bool TryParse(string? version, out int minor)
    {
        minor = -1;
        if (version is null || !version.StartsWith(MajorPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = version.AsSpan(MajorPrefix.Length);
        if (digits.Length == 0 || (digits.Length > 1 && digits[0] == '0') || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }
}
