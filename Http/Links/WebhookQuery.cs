using System.Globalization;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Links;

/// <summary>Reads and validates query parameters; anything unusable throws <see cref="InvalidWebhookParameterException"/>.</summary>
public readonly struct WebhookQuery(HttpRequest request)
{
    public const int MaxTop = 1000;

    /// <summary>The parameter's value, or null when it is absent; given twice it is refused.</summary>
    public string? Value(string name)
    {
        var values = request.Query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new InvalidWebhookParameterException(name, "must be given at most once."),
        };
    }

    public bool Bool(string name, bool defaultValue)
    {
        var value = Value(name);
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        return bool.TryParse(value, out var result)
            ? result
            : throw new InvalidWebhookParameterException(name, $"'{value}' is not a boolean; use true or false.");
    }

    public int? Top(string name)
    {
        var value = Value(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top is >= 1 and <= MaxTop
            ? top
            : throw new InvalidWebhookParameterException(name, $"'{value}' is not a whole number from 1 to {MaxTop}.");
    }

    /// <summary>An ISO 8601 date-time; without an offset it is taken as UTC.</summary>
    public DateTimeOffset? DateTime(string name)
    {
        var value = Value(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new InvalidWebhookParameterException(name, $"'{value}' is not a date-time; use ISO 8601 such as 2024-05-01T12:00:00Z.");
    }

    /// <summary>Runtime status names, comma separated and/or repeated (<c>?runtimeStatus=Running,Pending&amp;runtimeStatus=Failed</c>).</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? RuntimeStatuses(string name)
    {
        var statuses = new HashSet<OrchestrationRuntimeStatus>();
        foreach (var value in request.Query[name])
        {
            foreach (var item in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                statuses.Add(ParseStatus(name, item));
            }
        }

        return statuses.Count == 0 ? null : statuses;
    }

    private static OrchestrationRuntimeStatus ParseStatus(string name, string item)
    {
        // Enum.TryParse also accepts numbers ("5"); the contract speaks in names only.
        if (char.IsLetter(item[0]) && Enum.TryParse<OrchestrationRuntimeStatus>(item, ignoreCase: true, out var status))
        {
            return status;
        }

        var known = string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>());
        throw new InvalidWebhookParameterException(name, $"'{item}' is not a runtime status; use {known}.");
    }
}
