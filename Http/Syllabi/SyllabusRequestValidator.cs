using System.Globalization;
using System.Text.RegularExpressions;
using DurableLessons.Http.Lessons;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Syllabi;

namespace DurableLessons.Http.Syllabi;

/// <summary>Turns a syllabus request into a run input (for a syllabus id chosen by the caller), or lists every problem by field.</summary>
public sealed partial class SyllabusRequestValidator(IResearchSourceDirectory sources, LessonOptions lessonOptions, SyllabusOptions options)
{
    public const int MaxGoalsLength = 500;

    public (SyllabusRunInput? Input, Dictionary<string, string[]> Errors) Validate(SyllabusRequest request, string syllabusId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var topic = LessonRequestValidator.ValidateRouteText(request.Topic, "topic", errors);

        LessonLevel level = default;
        if (string.IsNullOrWhiteSpace(request.Level))
        {
            errors["level"] = [$"Required: one of {string.Join(", ", LessonLevels.Names)}."];
        }
        else if (!LessonLevels.TryParse(request.Level, out level))
        {
            errors["level"] = [$"Not a level; use one of {string.Join(", ", LessonLevels.Names)}."];
        }

        var goals = string.IsNullOrWhiteSpace(request.Goals) ? null : request.Goals.Trim();
        if (goals is { Length: > MaxGoalsLength })
        {
            errors["goals"] = [string.Create(CultureInfo.InvariantCulture, $"At most {MaxGoalsLength} characters (got {goals.Length}).")];
        }

        var language = request.Language?.Trim() is { Length: > 0 } requested ? requested : lessonOptions.DefaultLanguage;
        if (!LanguagePattern().IsMatch(language))
        {
            errors["language"] = ["Use a language tag such as 'en' or 'pt-BR'."];
        }

        return errors.Count > 0 ? (null, errors) : (Create(syllabusId, topic!, level, goals, language), errors);
    }

    /// <summary>A run input for an already validated topic and level (the lower-difficulty switch).</summary>
    public SyllabusRunInput Create(string syllabusId, string topic, LessonLevel level, string? goals, string language) => new(
        syllabusId,
        LessonKey.Normalize(topic),
        level,
        goals,
        language,
        [.. sources.EnabledSources],
        options.MaxNotesPerSource,
        options.NoteTokenBudget,
        options.RunTimeoutSeconds);

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
