namespace DurableLessons.Http.Links;

/// <summary>A request parameter (query, route value, header or body) a handler cannot accept: answered 400.</summary>
public sealed class InvalidWebhookParameterException(string parameter, string reason)
    : Exception($"Invalid '{parameter}': {reason}")
{
    public string Parameter { get; } = parameter;

    public string Reason { get; } = reason;
}
