namespace DurableLessons.Http.Streaming;

/// <summary>
/// Endpoint metadata of a request that stays open for as long as its client listens (an event stream). Hosts that
/// give requests priority over background work must not count such a request as one being served.
/// </summary>
public sealed class LongLivedRequest
{
    public static LongLivedRequest Metadata { get; } = new();

    private LongLivedRequest()
    {
    }
}
