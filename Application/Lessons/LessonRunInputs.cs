using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Syllabi;
using Microsoft.Extensions.Options;

namespace DurableLessons.Application.Lessons;

/// <summary>
/// The one place a <see cref="LessonRunInput"/> is built: the lesson's key with this host's <c>Lessons</c> settings
/// and enabled research sources, for a request, a syllabus's lesson or a regeneration alike.
/// </summary>
public sealed class LessonRunInputs(IResearchSourceDirectory sources, IOptions<LessonOptions> options)
{
    public string DefaultLanguage => options.Value.DefaultLanguage;

    public LessonRunInput For(LessonKey key, string? language = null, IReadOnlyList<string>? chosenSources = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return For(key.Subject, key.Topic, key.Level, language, chosenSources);
    }

    /// <summary>A run for the subject and topic as the client spelled them (the run's key normalizes them).</summary>
    /// <param name="language">The lesson's language; the <c>Lessons:DefaultLanguage</c> when null.</param>
    /// <param name="chosenSources">The research sources asked for; every enabled one when null.</param>
    public LessonRunInput For(string subject, string topic, LessonLevel level, string? language = null, IReadOnlyList<string>? chosenSources = null) =>
        Settings(language, chosenSources).For(subject, topic, level);

    /// <summary>What a run of any lesson starts with here: <c>Lessons</c> settings and the research sources.</summary>
    /// <param name="language">The lesson's language; the <c>Lessons:DefaultLanguage</c> when null.</param>
    /// <param name="chosenSources">The research sources asked for; every enabled one when null.</param>
    public LessonRunSettings Settings(string? language = null, IReadOnlyList<string>? chosenSources = null)
    {
        var settings = options.Value;
        return new LessonRunSettings(
            language ?? settings.DefaultLanguage,
            [.. chosenSources ?? sources.EnabledSources],
            settings.RunTimeoutSeconds,
            settings.NoteTokenBudget,
            settings.StorageRetryAttempts);
    }

    /// <summary>The lesson run of a syllabus's skeleton: subject = the syllabus topic, topic = the skeleton's title, in the syllabus's language.</summary>
    public LessonRunInput ForSyllabusLesson(SyllabusDocument syllabus, LessonSkeleton skeleton)
    {
        ArgumentNullException.ThrowIfNull(syllabus);
        return For(syllabus.LessonKeyFor(skeleton), syllabus.Language);
    }
}
