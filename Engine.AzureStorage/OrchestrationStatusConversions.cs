using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>Between the Framework's statuses and failures and the SDK's (the two enums share names and values).</summary>
internal static class OrchestrationStatusConversions
{
    public static OrchestrationRuntimeStatus ToRuntimeStatus(this CoreStatus status) => (OrchestrationRuntimeStatus)(int)status;

    public static CoreStatus ToCoreStatus(this OrchestrationRuntimeStatus status) => (CoreStatus)(int)status;

    public static TaskFailureDetails? ToTaskFailureDetails(this CoreFailureDetails? failure) => failure is null
        ? null
        : new TaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, failure.InnerFailure.ToTaskFailureDetails(), failure.Properties);
}
