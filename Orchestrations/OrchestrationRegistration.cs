using DurableLessons.Orchestrations.Lessons;
using DurableLessons.Orchestrations.Regeneration;
using DurableLessons.Orchestrations.Syllabi;
using DurableLessons.Shared.Workflow;

namespace DurableLessons.Orchestrations;

public static class OrchestrationRegistration
{
    /// <summary>Every orchestration of the product; both hosts register exactly this set.</summary>
    public static WorkflowRegistry AddLessonOrchestrations(this WorkflowRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddOrchestrator<LessonGeneration>()
            .AddOrchestrator<SyllabusGeneration>().AddOrchestrator<SyllabusBatchGeneration>()
            .AddOrchestrator<RegenerateStaleLessons>();
    }
}
