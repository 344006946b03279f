using System.Text.Json;
using DurableLessons.HostileInput.Tests.Corpus;

namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>Compares an answer with what the case expects; returns what is wrong, or null when the answer is right.</summary>
public static class AnswerCheck
{
    public const string ProblemMediaType = "application/problem+json";

    public static string? Problems(HostileCase hostile, CaseResponse answer)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Status >= 500)
        {
            return $"server error for a client's input: {answer}";
        }

        return hostile.Expected switch
        {
            ProblemAnswer problem => CheckProblem(problem, answer),
            ProtocolAnswer protocol => answer.Status == protocol.Status && protocol.Status is >= 400 and < 500
                ? null
                : $"expected a bare {protocol.Status} ({protocol.Why}), got {answer}",
            SuccessAnswer success => answer.Status == success.Status && success.BodyIsRight(answer.Body)
                ? null
                : $"expected {success.Status} because {success.Why}, got {answer}",
            _ => throw new InvalidOperationException($"Unknown expectation {hostile.Expected}."),
        };
    }

    private static string? CheckProblem(ProblemAnswer expected, CaseResponse answer)
    {
        if (answer.Status != expected.Status)
        {
            return $"expected {expected.Status}, got {answer}";
        }

        if (answer.MediaType != ProblemMediaType)
        {
            return $"expected {ProblemMediaType}, got {answer}";
        }

        JsonElement problem;
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            problem = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"the problem is not JSON: {answer}";
        }

        if (problem.ValueKind != JsonValueKind.Object
            || !problem.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || status.GetInt32() != expected.Status
            || !problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
        {
            return $"the problem lacks a matching 'status' or a 'title': {answer}";
        }

        var detail = problem.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        var errors = problem.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
        if (string.IsNullOrWhiteSpace(detail) && errors is null)
        {
            return $"the problem has neither 'detail' nor 'errors': {answer}";
        }

        if (expected.Names is { } field)
        {
            var named = errors is { } list && list.EnumerateObject().Any(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase) || p.Name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase) || p.Name.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase));
            if (!named && !(detail ?? string.Empty).Contains(field, StringComparison.OrdinalIgnoreCase))
            {
                return $"the problem does not name '{field}': {answer}";
            }
        }

        return null;
    }
}
