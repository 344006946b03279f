using System.Globalization;
using DurableLessons.Http.Lessons;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Runs;

/// <summary>
/// Reads a <see cref="RunFilter"/> from the query string: <c>status</c> (repeated or comma-separated runtime statuses),
/// <c>name</c> (orchestration name), <c>createdFrom</c>/<c>createdTo</c> (ISO 8601), and a lesson key as
/// <c>subject</c> + <c>topic</c> + <c>level</c>. Problems are listed by parameter name.
/// </summary>
public static class RunFilterParser
{
    public static (RunFilter? Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>();

        List<OrchestrationRuntimeStatus>? statuses = null;
        foreach (var value in query["status"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<OrchestrationRuntimeStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(value, out _))
            {
                (statuses ??= []).Add(status);
            }
            else
            {
                errors["status"] = [$"'{value}' is not a runtime status; use Pending, Running, Completed, Failed, Terminated or Suspended."];
            }
        }

        var name = query["name"].ToString() is { Length: > 0 } n ? n.Trim() : null;
        var from = Time(query, "createdFrom", errors);
        var to = Time(query, "createdTo", errors);
        if (from > to)
        {
            errors["createdTo"] = ["Must not be before createdFrom."];
        }

        var lesson = Lesson(query, errors);
        return errors.Count > 0 ? (null, errors) : (new RunFilter(statuses, name, from, to, lesson), errors);
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors[name] = ["Use an ISO 8601 time such as 2026-01-31T12:00:00Z."];
        return null;
    }

    private static LessonKey? Lesson(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var subject = query["subject"].ToString();
        var topic = query["topic"].ToString();
        var level = query["level"].ToString();
        if (subject.Length == 0 && topic.Length == 0 && level.Length == 0)
        {
            return null;
        }

        var normalizedSubject = LessonRequestValidator.ValidateRouteText(subject, "subject", errors);
        var normalizedTopic = LessonRequestValidator.ValidateRouteText(topic, "topic", errors);
        if (!LessonLevels.TryParse(level, out var parsedLevel))
        {
            errors["level"] = [$"A lesson key needs subject, topic and level (one of {string.Join(", ", LessonLevels.Names)})."];
            return null;
        }

        return normalizedSubject is null || normalizedTopic is null ? null : new LessonKey(normalizedSubject, normalizedTopic, parsedLevel);
    }
}
