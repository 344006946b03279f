using Microsoft.DurableTask;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// The orchestrators and activities the engine runs, by name (case-insensitive, as Durable Task names are), taken from
/// the <see cref="DurableTaskRegistry"/> that the host fills with <c>AddDurableTasks</c>: the same registry type and
/// the same registration methods the Durable Task SDK's worker uses. Each factory creates a task from a DI scope.
/// </summary>
internal sealed class TaskCatalog
{
    private readonly Dictionary<string, (string Name, Func<IServiceProvider, ITaskOrchestrator> Create)> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Name, Func<IServiceProvider, ITaskActivity> Create)> _activities = new(StringComparer.OrdinalIgnoreCase);

    public TaskCatalog(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, create) in registry.GetOrchestrators())
        {
            _orchestrators[name.Name] = (name.Name, create);
        }

        foreach (var (name, create) in registry.GetActivities())
        {
            _activities[name.Name] = (name.Name, create);
        }
    }

    public IEnumerable<string> OrchestratorNames => _orchestrators.Values.Select(entry => entry.Name);

    public IEnumerable<string> ActivityNames => _activities.Values.Select(entry => entry.Name);

    /// <summary>The registered spelling of an orchestrator's name, or null when none is registered.</summary>
    public string? OrchestratorName(string name) => _orchestrators.TryGetValue(name, out var entry) ? entry.Name : null;

    public ITaskOrchestrator? CreateOrchestrator(string name, IServiceProvider services) =>
        _orchestrators.TryGetValue(name, out var entry) ? entry.Create(services) : null;

    public ITaskActivity? CreateActivity(string name, IServiceProvider services) =>
        _activities.TryGetValue(name, out var entry) ? entry.Create(services) : null;
}
