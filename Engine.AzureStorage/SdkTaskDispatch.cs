using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>
/// Runs the SDK's orchestrators and activities (the host's <see cref="DurableTaskRegistry"/>) inside the Framework's
/// dispatchers through the SDK's shims. Orchestrators are created per episode in the dispatcher's middleware, where the
/// runtime state (and so the parent of a sub-orchestration) is known; activities in a DI scope per execution.
/// </summary>
internal sealed partial class SdkTaskDispatch
{
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);
    private readonly IServiceProvider _services;
    private readonly DurableTaskShimFactory _shims;
    private readonly ILogger<SdkTaskDispatch> _logger;

    public SdkTaskDispatch(DurableTaskRegistry registry, IServiceProvider services, DurableTaskShimFactory shims, ILogger<SdkTaskDispatch> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _services = services;
        _shims = shims;
        _logger = logger;
        foreach (var (name, create) in registry.GetOrchestrators())
        {
            _orchestrators[name.Name] = create;
        }

        foreach (var (name, create) in registry.GetActivities())
        {
            _activities[name.Name] = create;
        }
    }

    public bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    public INameVersionObjectManager<TaskActivity> Activities => new ActivityManager(this);

    /// <summary>Orchestrations are created by <see cref="RunOrchestrationAsync"/>; the Framework's lookup finds none.</summary>
    public static INameVersionObjectManager<TaskOrchestration> Orchestrations { get; } = new NoOrchestrations();

    public async Task RunOrchestrationAsync(DispatchMiddlewareContext context, Func<Task> next, BehaviorOnContinueAsNew continueAsNew)
    {
        var state = context.GetProperty<OrchestrationRuntimeState>();
        if (!_orchestrators.TryGetValue(state.Name, out var create))
        {
            // The dispatcher reports the missing type and retries the work item later.
            await next();
            return;
        }

        await using var scope = _services.CreateAsyncScope();
        var parent = state.ParentInstance is { } p ? new ParentOrchestrationInstance(p.Name, p.OrchestrationInstance.InstanceId) : null;
        var orchestration = _shims.CreateOrchestration(new TaskName(state.Name), create(scope.ServiceProvider), parent);
        var executor = new TaskOrchestrationExecutor(state, orchestration, continueAsNew, ErrorPropagationMode.UseFailureDetails);
        context.SetProperty(executor.Execute());
        await next();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activity {Activity} of {InstanceId} runs in process {ProcessId}")]
    private static partial void LogActivityRun(ILogger logger, string activity, string instanceId, int processId);

    private sealed class ActivityManager(SdkTaskDispatch dispatch) : INameVersionObjectManager<TaskActivity>
    {
        public void Add(ObjectCreator<TaskActivity> creator) => throw new NotSupportedException();

        public TaskActivity? GetObject(string name, string? version) =>
            dispatch._activities.TryGetValue(name, out var create) ? new ScopedActivity(dispatch, name, create) : null;
    }

    private sealed class NoOrchestrations : INameVersionObjectManager<TaskOrchestration>
    {
        public void Add(ObjectCreator<TaskOrchestration> creator) => throw new NotSupportedException();

        public TaskOrchestration? GetObject(string name, string? version) => null;
    }

    /// <summary>One activity execution: its own DI scope (with <c>ActivityCancellation</c> etc.), disposed when it ends.</summary>
    private sealed class ScopedActivity(SdkTaskDispatch dispatch, string name, Func<IServiceProvider, ITaskActivity> create) : TaskActivity
    {
        public override string Run(TaskContext context, string input) => throw new NotSupportedException("Activities run asynchronously.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using var scope = dispatch._services.CreateAsyncScope();
            var shim = dispatch._shims.CreateActivity(new TaskName(name), create(scope.ServiceProvider));
            // Which process did the work: the task hub spreads activities over every process polling it.
            LogActivityRun(dispatch._logger, name, context.OrchestrationInstance.InstanceId, Environment.ProcessId);
            return await shim.RunAsync(context, input);
        }
    }
}
