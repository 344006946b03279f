using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>
/// Runs the Framework's <see cref="TaskHubWorker"/> on the task hub for the host's lifetime: this process takes its
/// share of the control-queue partitions (leases) and of the activity work-item queue, next to any other process on
/// the same task hub. The task hub's queues, tables and containers are created when missing.
/// </summary>
internal sealed partial class TaskHubWorkerService(
    AzureStorageOrchestrationService service,
    SdkTaskDispatch dispatch,
    IOptions<AzureStorageEngineOptions> options,
    ILoggerFactory loggerFactory,
    ILogger<TaskHubWorkerService> logger) : IHostedService
{
    private TaskHubWorker? _worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        var worker = new TaskHubWorker(service, SdkTaskDispatch.Orchestrations, dispatch.Activities, loggerFactory)
        {
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddOrchestrationDispatcherMiddleware((context, next) =>
            dispatch.RunOrchestrationAsync(context, next, service.EventBehaviourForContinueAsNew));
        await worker.StartAsync().WaitAsync(cancellationToken);
        _worker = worker;
        LogStarted(logger, options.Value.TaskHub, Environment.ProcessId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is { } worker)
        {
            // Not forced: in-flight work items finish or are abandoned, and this process's leases are released.
            await worker.StopAsync(isForced: false).WaitAsync(cancellationToken);
            worker.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task worker started on {TaskHub} in process {ProcessId}")]
    private static partial void LogStarted(ILogger logger, string taskHub, int processId);
}
