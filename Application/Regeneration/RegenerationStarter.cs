using DurableLessons.Application.Lessons;
using DurableLessons.Application.Runs;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Regeneration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Application.Regeneration;

/// <summary>
/// Starts RegenerateStaleLessons under its fixed instance id; while one is active, a new start (a schedule tick in
/// either host, or a request) starts nothing and answers the active one. The cut-off is fixed at start from the
/// injected clock.
/// </summary>
public sealed class RegenerationStarter(
    RunStarter runs,
    LessonRunInputs inputs,
    IOptions<RegenerationOptions> options,
    TimeProvider time,
    ILogger<RegenerationStarter> logger)
{
    /// <summary>True when a new regeneration was started, false when one was already active.</summary>
    public async Task<bool> StartAsync(DurableTaskClient client, IReadOnlyList<LessonRef> flagged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flagged);
        if (await RunStarter.ActiveStatusAsync(client, RegenerationNames.InstanceId, cancellationToken) is { } status)
        {
            logger.LogInformation("Regeneration {InstanceId} is still {Status}; not starting another", RegenerationNames.InstanceId, status);
            return false;
        }

        var settings = options.Value;
        var input = new RegenerationInput(time.GetUtcNow() - settings.MaxAge, settings.Concurrency, flagged, inputs.Settings());
        var started = await runs.StartOrJoinAsync(client, RegenerationNames.RegenerateStaleLessons, RegenerationNames.InstanceId, input, cancellationToken);
        if (started)
        {
            logger.LogInformation("Started regeneration of lessons older than {StaleBefore} and {FlaggedCount} flagged", input.StaleBefore, flagged.Count);
        }

        return started;
    }
}
