using DurableLessons.Shared.Lessons;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Runs;

/// <summary>Which runs an administration request is about; every criterion given must hold.</summary>
public sealed record RunFilter(
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses,
    string? Name,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    LessonKey? Lesson)
{
    public OrchestrationQuery ToQuery(int pageSize) => new()
    {
        Statuses = Statuses,
        CreatedFrom = CreatedFrom,
        CreatedTo = CreatedTo,
        InstanceIdPrefix = Lesson?.RunInstanceId,
        PageSize = pageSize,
        FetchInputsAndOutputs = true,
    };

    /// <summary>The criteria the store's query cannot apply.</summary>
    public bool Matches(OrchestrationMetadata run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return (Name is null || string.Equals(run.Name, Name, StringComparison.OrdinalIgnoreCase))
            && (Lesson is null || string.Equals(run.InstanceId, Lesson.RunInstanceId, StringComparison.Ordinal));
    }
}
