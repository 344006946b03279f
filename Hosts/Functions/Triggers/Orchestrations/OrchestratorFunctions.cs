using DurableLessons.Orchestrations.Lessons;
using DurableLessons.Orchestrations.Practice;
using DurableLessons.Orchestrations.Regeneration;
using DurableLessons.Orchestrations.Syllabi;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Syllabi;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using DurableLessons.Shared.Regeneration;

namespace DurableLessons.Hosts.Functions.Triggers.Orchestrations;

/// <summary>
/// One orchestrator function per orchestration that <c>RegisterTasks</c> registers, each running the shared class.
/// Orchestrators have no dependencies and check a null input themselves.
/// </summary>
public static class OrchestratorFunctions
{
    [Function(OrchestrationNames.LessonGeneration)]
    public static Task<LessonRunResult> LessonGeneration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new LessonGeneration().RunAsync(context, context.GetInput<LessonRunInput>()!);

    [Function(SyllabusOrchestrationNames.SyllabusGeneration)]
    public static Task<SyllabusRunResult> SyllabusGeneration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SyllabusGeneration().RunAsync(context, context.GetInput<SyllabusRunInput>()!);

    [Function(SyllabusOrchestrationNames.SyllabusBatchGeneration)]
    public static Task<SyllabusBatchResult> SyllabusBatchGeneration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SyllabusBatchGeneration().RunAsync(context, context.GetInput<SyllabusBatchInput>()!);

    [Function(RegenerationNames.RegenerateStaleLessons)]
    public static Task<RegenerationResult> RegenerateStaleLessons([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RegenerateStaleLessons().RunAsync(context, context.GetInput<RegenerationInput>()!);

    [Function(PracticeNames.PracticeSession)]
    public static Task<PracticeSummary> PracticeSession([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PracticeSession().RunAsync(context, context.GetInput<PracticeSessionInput>()!);
}
