namespace DurableLessons.Hosts.Local.Scheduling;

/// <summary>Decides which process runs a schedule's occurrence when several share one engine.</summary>
public interface IScheduleTickClaim
{
    /// <summary>True for exactly one caller per job and occurrence.</summary>
    Task<bool> ClaimAsync(string job, DateTime occurrenceUtc, CancellationToken cancellationToken);
}

/// <summary>The embedded engine runs in one process: every occurrence is its own.</summary>
internal sealed class SingleProcessTickClaim : IScheduleTickClaim
{
    public Task<bool> ClaimAsync(string job, DateTime occurrenceUtc, CancellationToken cancellationToken) => Task.FromResult(true);
}
