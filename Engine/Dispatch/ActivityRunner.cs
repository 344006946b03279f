using DurableLessons.Engine.Diagnostics;
using DurableLessons.Engine.Runtime;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Runs;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// Runs one activity work item in its own DI scope and stores the result. The work item is deleted in the same
/// transaction that stores the result, so an activity interrupted by a crash or a shutdown runs again (at least once).
/// </summary>
internal sealed class ActivityRunner(
    IServiceScopeFactory scopes,
    TaskCatalog tasks,
    JournalWriter writer,
    EngineReader reader,
    EngineTracing tracing,
    ILogger<ActivityRunner> logger)
{
    /// <param name="item">The work item.</param>
    /// <param name="executed">Called when the activity's code has finished and only storing its result remains.</param>
    /// <param name="abandon">Cancelled when shutdown gives up waiting; the activity's context token.</param>
    /// <returns>False when the activity was abandoned (shutdown) and its work item kept for the next start.</returns>
    public async Task<bool> RunAsync(ActivityWorkItem item, Action executed, CancellationToken abandon)
    {
        string? output = null;
        TaskFailureDetails? failure = null;
        var trace = tracing.IsListening ? await reader.GetTraceAsync(item.InstanceId, CancellationToken.None) : null;
        using var span = tracing.ActivityStarted(item.Name, item.InstanceId, item.TaskId, trace);
        try
        {
            output = await ExecuteAsync(item, abandon);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "Abandoned at shutdown; it runs again on the next start.");
            logger.LogWarning("Activity {Name} of {InstanceId} was abandoned at shutdown; it runs again on the next start", item.Name, item.InstanceId);
            return false;
        }
#pragma warning disable CA1031 // An activity's exception is its result: the orchestrator sees it as TaskFailedException.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogDebug(exception, "Activity {Name} of {InstanceId} failed", item.Name, item.InstanceId);
            failure = exception is ActivityNotRegisteredException ? TaskNotFound.Activity(item.Name) : TaskFailureDetails.FromException(exception);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure.ErrorMessage);
        }

        executed();
        await writer.ExecuteAsync(session => StoreResult(session, item, output, failure), CancellationToken.None);
        return true;
    }

    private async Task<string?> ExecuteAsync(ActivityWorkItem item, CancellationToken abandon)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ActivityCancellation>() is { } cancellation)
        {
            cancellation.Token = abandon;
        }

        var activity = tasks.CreateActivity(item.Name, scope.ServiceProvider)
            ?? throw new ActivityNotRegisteredException();
        var input = item.Input is null ? null : WorkflowJson.Deserialize(item.Input, activity.InputType);
        if (input is null && activity.InputType.IsValueType)
        {
            input = Activator.CreateInstance(activity.InputType);
        }

        var result = await activity.RunAsync(new EngineActivityContext(item.Name, item.InstanceId), input);
        return result is null ? null : WorkflowJson.Serialize(result);
    }

    private static bool StoreResult(WriterSession session, ActivityWorkItem item, string? output, TaskFailureDetails? failure)
    {
        if (!session.DeleteActivity(item.Id))
        {
            return false;
        }

        var instance = session.ReadInstance(item.InstanceId);
        if (instance is null || instance.ExecutionId != item.ExecutionId || instance.Status.IsTerminal())
        {
            return false;
        }

        session.InsertMessage(failure is null
            ? new NewMessage(item.InstanceId, item.ExecutionId, JournalEventTypes.TaskCompleted, DateTime.MinValue, item.TaskId, Payload: output)
            : new NewMessage(item.InstanceId, item.ExecutionId, JournalEventTypes.TaskFailed, DateTime.MinValue, item.TaskId, Failure: WorkflowJson.Serialize(failure)));
        return true;
    }

    private sealed class ActivityNotRegisteredException : Exception;
}
