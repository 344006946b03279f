using DurableLessons.Http.Links;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>
/// Checks route values before they reach the engine, with Durable's rules for instance ids (1–256 characters,
/// none of <c>/ \ # ?</c> and no control characters), so malformed values answer 400 on every host.
/// </summary>
internal static class WebhookRouteValues
{
    public const int MaxLength = 256;

    public static string InstanceId(string? value, string parameter = "instanceId")
    {
        Require(value, parameter);
        if (value!.IndexOfAny(['/', '\\', '#', '?']) >= 0)
        {
            throw new InvalidWebhookParameterException(parameter, "must not contain '/', '\\', '#' or '?'.");
        }

        return value;
    }

    public static string Name(string? value, string parameter)
    {
        Require(value, parameter);
        return value!;
    }

    private static void Require(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidWebhookParameterException(parameter, "must not be empty.");
        }

        if (value.Length > MaxLength)
        {
            throw new InvalidWebhookParameterException(parameter, $"must be at most {MaxLength} characters long.");
        }

        if (value.Any(char.IsControl))
        {
            throw new InvalidWebhookParameterException(parameter, "must not contain control characters.");
        }
    }
}
