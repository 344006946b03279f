using System.Text.RegularExpressions;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DurableLessons.Http.Lessons;

/// <summary>Reads stored lessons: the latest version, one version, the list of versions.</summary>
public sealed partial class LessonQueries(ILessonStore store)
{
    public async Task<Results<Ok<LessonVersion>, ProblemHttpResult>> GetLatestAsync(string subject, string topic, string? level, CancellationToken cancellationToken)
    {
        var (key, problem) = ParseKey(subject, topic, level);
        if (key is null)
        {
            return problem!;
        }

        var latest = await store.GetLatestAsync(key, cancellationToken);
        return latest is null ? NoLesson(key) : TypedResults.Ok(latest);
    }

    public async Task<Results<Ok<LessonVersionList>, ProblemHttpResult>> ListVersionsAsync(string subject, string topic, string? level, CancellationToken cancellationToken)
    {
        var (key, problem) = ParseKey(subject, topic, level);
        if (key is null)
        {
            return problem!;
        }

        var versions = await store.ListVersionsAsync(key, cancellationToken);
        return versions.Count == 0 ? NoLesson(key) : TypedResults.Ok(new LessonVersionList(key.Subject, key.Topic, key.Level.ToWire(), versions));
    }

    public async Task<Results<Ok<LessonVersion>, ProblemHttpResult>> GetVersionAsync(string subject, string topic, string version, string? level, CancellationToken cancellationToken)
    {
        var (key, problem) = ParseKey(subject, topic, level);
        if (key is null)
        {
            return problem!;
        }

        if (!VersionPattern().IsMatch(version))
        {
            return RequestProblems.Invalid("version", "A version looks like '1.0' or '1.12'.");
        }

        var found = await store.GetVersionAsync(key, version, cancellationToken);
        return found is null
            ? RequestProblems.NotFound("No such version.", $"{key} has no version {version}.")
            : TypedResults.Ok(found);
    }

    internal static (LessonKey? Key, ProblemHttpResult? Problem) ParseKey(string subject, string topic, string? level)
    {
        var errors = new Dictionary<string, string[]>();
        var normalizedSubject = LessonRequestValidator.ValidateRouteText(UnescapeSlash(subject), "subject", errors);
        var normalizedTopic = LessonRequestValidator.ValidateRouteText(UnescapeSlash(topic), "topic", errors);
        if (!LessonLevels.TryParse(level, out var parsedLevel))
        {
            errors["level"] = [$"Query parameter 'level' is required: one of {string.Join(", ", LessonLevels.Names)}."];
        }

        return errors.Count > 0
            ? (null, RequestProblems.Invalid(errors))
            : (new LessonKey(normalizedSubject!, normalizedTopic!, parsedLevel), null);
    }

    // Kestrel decodes every escape in the path except %2F, so a subject such as "c/c++" arrives as "c%2Fc++".
    private static string UnescapeSlash(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult NoLesson(LessonKey key) =>
        RequestProblems.NotFound("No such lesson.", $"There is no lesson for {key} yet; POST /api/lessons to generate one.");

    [GeneratedRegex(@"^\d{1,6}\.\d{1,6}$")]
    internal static partial Regex VersionPattern();
}

public sealed record LessonVersionList(string Subject, string Topic, string Level, IReadOnlyList<LessonVersionInfo> Versions);
