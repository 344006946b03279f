namespace DurableLessons.Shared.Lessons;

/// <summary>
/// The checks run inputs apply when an orchestration starts. Each names the JSON field at fault, because the input may
/// come from any Durable client (the management API, another app) and not only from our validated HTTP requests.
/// </summary>
public static class RunInputRules
{
    public static void RequireText(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The run input field '{field}' is required and must not be blank.", field);
        }
    }

    public static void RequireLevel(LessonLevel level, string field)
    {
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentException($"The run input field '{field}' must be one of {string.Join(", ", LessonLevels.Names)}.", field);
        }
    }

    public static void RequireRange(int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"The run input field '{field}' must be from {min} to {max}; it was {value}.", field);
        }
    }

    /// <summary>The input itself: a run started with no body at all.</summary>
    public static T Require<T>(T? input, string orchestration, string requiredFields)
        where T : class =>
        input ?? throw new ArgumentException($"{orchestration} needs an input with at least {requiredFields}; it was started with none.", nameof(input));
}
