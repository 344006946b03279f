using DurableLessons.Orchestrations.Lessons;
using DurableLessons.Orchestrations.Practice;
using DurableLessons.Orchestrations.Regeneration;
using DurableLessons.Orchestrations.Syllabi;
using Microsoft.DurableTask;

namespace DurableLessons.Orchestrations;

public static class OrchestrationRegistration
{
    /// <summary>Every orchestration of the product; both hosts and both test engines register exactly this set.</summary>
    public static DurableTaskRegistry AddLessonOrchestrations(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddOrchestrator<LessonGeneration>()
            .AddOrchestrator<SyllabusGeneration>().AddOrchestrator<SyllabusBatchGeneration>()
            .AddOrchestrator<RegenerateStaleLessons>()
            .AddOrchestrator<PracticeSession>();
    }
}
