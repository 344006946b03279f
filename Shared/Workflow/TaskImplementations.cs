namespace DurableLessons.Shared.Workflow;

/// <summary>Untyped view of an orchestrator, as Durable Task's <c>ITaskOrchestrator</c>.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(OrchestrationContext context, object? input);
}

/// <summary>Untyped view of an activity, as Durable Task's <c>ITaskActivity</c>.</summary>
public interface ITaskActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>Base class for orchestrators, as Durable Task's <c>TaskOrchestrator&lt;TInput, TOutput&gt;</c>.</summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    Type ITaskOrchestrator.InputType => typeof(TInput);

    Type ITaskOrchestrator.OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(OrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(OrchestrationContext context, object? input)
        => await RunAsync(context, (TInput)input!);
}

/// <summary>Base class for activities, as Durable Task's <c>TaskActivity&lt;TInput, TOutput&gt;</c>.</summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    Type ITaskActivity.OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input)
        => await RunAsync(context, (TInput)input!);
}
