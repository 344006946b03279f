using DurableLessons.Orchestrations.Syllabi;
using DurableLessons.Shared.Syllabi;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DurableLessons.Hosts.Functions.Triggers.Orchestrations;

/// <summary>The syllabus orchestrations as Durable orchestrator functions.</summary>
public sealed class SyllabusOrchestrationFunctions(IServiceProvider services)
{
    [Function(SyllabusOrchestrationNames.SyllabusGeneration)]
    public Task<SyllabusRunResult> RunSyllabusGeneration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        OrchestratorInvocation.RunAsync<SyllabusGeneration, SyllabusRunInput, SyllabusRunResult>(context, services);

    [Function(SyllabusOrchestrationNames.SyllabusBatchGeneration)]
    public Task<SyllabusBatchResult> RunSyllabusBatchGeneration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        OrchestratorInvocation.RunAsync<SyllabusBatchGeneration, SyllabusBatchInput, SyllabusBatchResult>(context, services);
}
