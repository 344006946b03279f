using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DurableLessons.Application.Lessons;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;

namespace DurableLessons.Http.Lessons;

/// <summary>Turns a client's lesson request into a run input, or lists every problem by field name.</summary>
public sealed partial class LessonRequestValidator(IResearchSourceDirectory sources, LessonRunInputs inputs)
{
    public const int MaxTextLength = 100;

    public (LessonRunInput? Input, Dictionary<string, string[]> Errors) Validate(LessonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();

        var subject = RequiredText(request.Subject, "subject", errors);
        var topic = RequiredText(request.Topic, "topic", errors);

        LessonLevel level = default;
        if (string.IsNullOrWhiteSpace(request.Level))
        {
            errors["level"] = [$"Required: one of {string.Join(", ", LessonLevels.Names)}."];
        }
        else if (!LessonLevels.TryParse(request.Level, out level))
        {
            errors["level"] = [$"'{Truncate(request.Level)}' is not a level; use one of {string.Join(", ", LessonLevels.Names)}."];
        }

        var language = request.Language?.Trim() is { Length: > 0 } requested ? requested : inputs.DefaultLanguage;
        if (!LanguagePattern().IsMatch(language))
        {
            errors["language"] = ["Use a language tag such as 'en' or 'pt-BR'."];
        }

        if (request.UserId is { Length: > MaxTextLength })
        {
            errors["userId"] = [$"At most {MaxTextLength} characters."];
        }

        var chosen = ChooseSources(request.Sources, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (inputs.For(subject!, topic!, level, language, chosen), errors);
    }

    /// <summary>Validates a subject or topic taken from a route.</summary>
    public static string? ValidateRouteText(string? value, string field, Dictionary<string, string[]> errors) =>
        RequiredText(value, field, errors);

    private List<string> ChooseSources(IReadOnlyList<string>? requested, Dictionary<string, string[]> errors)
    {
        if (requested is null || requested.Count == 0)
        {
            return [.. sources.EnabledSources];
        }

        var chosen = new List<string>();
        for (var i = 0; i < requested.Count; i++)
        {
            var name = requested[i]?.Trim().ToLowerInvariant() ?? string.Empty;
            if (!sources.KnownSources.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors[$"sources[{i}]"] = [$"Unknown source '{Truncate(name)}'; known sources: {string.Join(", ", sources.KnownSources)}."];
            }
            else if (!sources.EnabledSources.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors[$"sources[{i}]"] = [$"Source '{name}' is not enabled on this host (Research:Sources:{name}:Enabled)."];
            }
            else if (!chosen.Contains(name))
            {
                chosen.Add(name);
            }
        }

        return chosen;
    }

    private static string? RequiredText(string? value, string field, Dictionary<string, string[]> errors)
    {
        // Stripping them would let "verbs\u0007" join the run of "verbs": a name with a control character is refused.
        if (value is not null && value.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            errors[field] = ["Must not contain control characters (NUL, BEL, escape, …); tabs and line breaks count as spaces."];
            return null;
        }

        var normalized = value is null ? string.Empty : LessonKey.Normalize(value);
        if (normalized.Length == 0)
        {
            errors[field] = ["Required: 1 to 100 characters."];
            return null;
        }

        if (!HasVisibleCharacter(normalized))
        {
            errors[field] = ["Must contain a visible character, not only invisible formatting (zero-width, direction marks, BOM)."];
            return null;
        }

        if (normalized.Length > MaxTextLength)
        {
            errors[field] = [$"At most {MaxTextLength} characters (got {normalized.Length})."];
            return null;
        }

        return normalized;
    }

    // Normalization drops white space and control characters but keeps format characters (U+200B, U+202E, U+FEFF,
    // ...), so a key made only of those would be blank to every reader while looking non-empty.
    private static bool HasVisibleCharacter(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.Control))
            {
                return true;
            }
        }

        return false;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
