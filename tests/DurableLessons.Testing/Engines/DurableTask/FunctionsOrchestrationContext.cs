using System.Text.Json;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using CoreOrchestrationContext = DurableTask.Core.OrchestrationContext;

namespace DurableLessons.Testing.Engines.DurableTask;

/// <summary>
/// The context a Durable Functions orchestrator gets (the extension's <c>FunctionsOrchestrationContext</c>): it forwards
/// to the SDK's context, converts the input the framework deserialized as <see cref="object"/> to the type asked for,
/// and throws <see cref="InvalidOperationException"/> from any call made off the orchestrator thread
/// (<see cref="CoreOrchestrationContext.IsOrchestratorThread"/>, which the framework sets while it runs orchestrator code).
/// </summary>
internal sealed class FunctionsOrchestrationContext(TaskOrchestrationContext inner, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    /// <summary>The extension's message (Constants.IllegalAwaitErrorMessage).</summary>
    public const string IllegalAwaitMessage =
        "An invalid asynchronous invocation was detected. This can be caused by awaiting non-durable tasks " +
        "in an orchestrator function's implementation or by middleware that invokes asynchronous code.";

    public bool IsAccessed { get; private set; }

    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T GetInput<T>() => (T)GetInput(typeof(T))!;

    /// <summary>The input as <paramref name="type"/>: the framework's JSON element deserialized with the product's JSON.</summary>
    public object? GetInput(Type type)
    {
        EnsureLegalAccess();
        var input = inner.GetInput<object>();
        return input switch
        {
            null => type.IsValueType ? Activator.CreateInstance(type) : null,
            _ when type.IsInstanceOfType(input) => input,
            JsonElement json => json.Deserialize(type, WorkflowJson.Options),
            _ => WorkflowJson.Deserialize(WorkflowJson.Serialize(input), type),
        };
    }

    public override Guid NewGuid()
    {
        EnsureLegalAccess();
        return inner.NewGuid();
    }

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        EnsureLegalAccess();
        return inner.CallActivityAsync<TResult>(name, input, options);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        EnsureLegalAccess();
        return inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        EnsureLegalAccess();
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        EnsureLegalAccess();
        return inner.CreateTimer(fireAt, cancellationToken);
    }

    public override void SetCustomStatus(object? customStatus)
    {
        EnsureLegalAccess();
        inner.SetCustomStatus(customStatus);
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        EnsureLegalAccess();
        inner.SendEvent(instanceId, eventName, payload);
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        EnsureLegalAccess();
        return inner.WaitForExternalEvent<T>(eventName, cancellationToken);
    }

    /// <summary>
    /// Only the orchestrator thread may run orchestrator code: a call from anywhere else means the code resumed after
    /// awaiting something that is not durable, and the orchestration is stuck.
    /// </summary>
    public static void ThrowIfIllegalAccess()
    {
        if (!CoreOrchestrationContext.IsOrchestratorThread)
        {
            throw new InvalidOperationException(IllegalAwaitMessage);
        }
    }

    private void EnsureLegalAccess()
    {
        ThrowIfIllegalAccess();
        IsAccessed = true;
    }
}
