using DurableLessons.Orchestrations.Lessons;
using DurableLessons.Shared.Lessons;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DurableLessons.Hosts.Functions.Triggers.Orchestrations;

/// <summary>The lesson orchestrations as Durable orchestrator functions.</summary>
public sealed class LessonOrchestrationFunctions(IServiceProvider services)
{
    [Function(OrchestrationNames.LessonGeneration)]
    public Task<LessonRunResult> RunLessonGeneration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        OrchestratorInvocation.RunAsync<LessonGeneration, LessonRunInput, LessonRunResult>(context, services);
}
