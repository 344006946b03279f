namespace DurableLessons.Shared.Runs;

/// <summary>
/// The activity that tells an orchestration whether another run is active. Orchestrations that start a lesson's
/// singleton run as a sub-orchestration ask first: on the Durable Task Framework's backends a sub-orchestration started
/// under the id of a running instance is not refused (only top-level starts are de-duplicated), so it must not happen.
/// </summary>
public static class RunActivityNames
{
    public const string GetRunStatus = nameof(GetRunStatus);
}

/// <summary>An instance's runtime status as the client reports it; <see cref="RuntimeStatus"/> is null when there is no such instance.</summary>
public sealed record RunStatusReport(string InstanceId, string? RuntimeStatus, bool IsActive);
