using System.Reflection;

namespace DurableLessons.Shared.Workflow;

/// <summary>Names a workflow task; without it the class name is the task name (as Durable Task's <c>[DurableTask]</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DurableTaskAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// The orchestrations and activities a host runs, by name. Both hosts build theirs from the same registration
/// methods (see each project's <c>Add…</c> extension), so a workflow cannot exist in one host only.
/// Task types are created per call through DI (<c>ActivatorUtilities</c>).
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, Type> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Type> Orchestrators => _orchestrators;

    public IReadOnlyDictionary<string, Type> Activities => _activities;

    public WorkflowRegistry AddOrchestrator<T>() where T : class, ITaskOrchestrator
    {
        Add(_orchestrators, typeof(T));
        return this;
    }

    public WorkflowRegistry AddActivity<T>() where T : class, ITaskActivity
    {
        Add(_activities, typeof(T));
        return this;
    }

    public static string NameOf(Type taskType) =>
        taskType.GetCustomAttribute<DurableTaskAttribute>()?.Name ?? taskType.Name;

    public static string NameOf<T>() => NameOf(typeof(T));

    private static void Add(Dictionary<string, Type> map, Type type)
    {
        var name = NameOf(type);
        if (map.TryGetValue(name, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"Task name '{name}' is registered twice: {existing.FullName} and {type.FullName}.");
        }

        map[name] = type;
    }
}
