using DurableLessons.Shared.Workflow;
using Sdk = Microsoft.DurableTask;

namespace DurableLessons.Hosts.Functions.Adapters;

/// <summary>Durable Task failures as our port's, so orchestrator catch blocks behave the same in both hosts.</summary>
internal static class TaskFailureMapping
{
    public static TaskFailureDetails ToPort(Sdk.TaskFailureDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new TaskFailureDetails(
            details.ErrorType,
            details.ErrorMessage,
            details.StackTrace,
            details.InnerFailure is { } inner ? ToPort(inner) : null);
    }

    public static TaskFailedException ToPort(Sdk.TaskFailedException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new TaskFailedException(failure.TaskName, failure.TaskId, ToPort(failure.FailureDetails));
    }
}
