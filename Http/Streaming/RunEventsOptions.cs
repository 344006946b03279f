using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Http.Streaming;

/// <summary>Settings of <c>GET /api/runs/{id}/events</c> (section "RunEvents").</summary>
public sealed class RunEventsOptions
{
    public const string SectionName = "RunEvents";

    /// <summary>A comment line is sent after this many idle seconds, so proxies keep the connection open.</summary>
    [Range(1, 300)]
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>How often the polling fallback reads the run (hosts without a change feed).</summary>
    [Range(1, 60)]
    public int PollIntervalSeconds { get; set; } = 2;
}
