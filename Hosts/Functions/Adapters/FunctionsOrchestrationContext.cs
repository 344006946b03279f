using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Logging;
using Sdk = Microsoft.DurableTask;

namespace DurableLessons.Hosts.Functions.Adapters;

/// <summary>
/// Our <see cref="OrchestrationContext"/> over Durable Functions' <see cref="Sdk.TaskOrchestrationContext"/>: every
/// call goes to the SDK's abstract member of the same name, and SDK task failures surface as our
/// <see cref="TaskFailedException"/>. Adds no behaviour, so replay and determinism are Durable's own.
/// </summary>
public sealed class FunctionsOrchestrationContext(Sdk.TaskOrchestrationContext inner, ILoggerFactory loggerFactory) : OrchestrationContext
{
    private readonly Sdk.TaskOrchestrationContext _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public override string Name => _inner.Name.Name;

    public override string InstanceId => _inner.InstanceId;

    public override ParentOrchestrationInstance? Parent =>
        _inner.Parent is { } parent ? new ParentOrchestrationInstance(parent.Name.Name, parent.InstanceId) : null;

    public override DateTime CurrentUtcDateTime => _inner.CurrentUtcDateTime;

    public override bool IsReplaying => _inner.IsReplaying;

    protected override ILoggerFactory LoggerFactory { get; } = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));

    public override T? GetInput<T>() where T : default => _inner.GetInput<T>();

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null) =>
        TranslateFailure(_inner.CallActivityAsync<TResult>(new Sdk.TaskName(name), input, TaskOptionsMapping.ToSdk(options)));

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null) =>
        TranslateFailure(_inner.CallSubOrchestratorAsync<TResult>(new Sdk.TaskName(orchestratorName), input, TaskOptionsMapping.ToSdk(options)));

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => _inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        _inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    // The SDK declares the payload non-nullable but sends null as an empty event, as our engine does.
    public override void SendEvent(string instanceId, string eventName, object? payload) => _inner.SendEvent(instanceId, eventName, payload!);

    public override void SetCustomStatus(object? customStatus) => _inner.SetCustomStatus(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        _inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => _inner.NewGuid();

    private static async Task<TResult> TranslateFailure<TResult>(Task<TResult> task)
    {
        try
        {
            return await task;
        }
        catch (Sdk.TaskFailedException failure)
        {
            throw TaskFailureMapping.ToPort(failure);
        }
    }
}
