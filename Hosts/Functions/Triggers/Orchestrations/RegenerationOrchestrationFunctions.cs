using DurableLessons.Orchestrations.Regeneration;
using DurableLessons.Shared.Syllabi;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DurableLessons.Hosts.Functions.Triggers.Orchestrations;

/// <summary>The regeneration of stale lessons as a Durable orchestrator function.</summary>
public sealed class RegenerationOrchestrationFunctions(IServiceProvider services)
{
    [Function(RegenerationNames.RegenerateStaleLessons)]
    public Task<RegenerationResult> RunRegenerateStaleLessons([OrchestrationTrigger] TaskOrchestrationContext context) =>
        OrchestratorInvocation.RunAsync<RegenerateStaleLessons, RegenerationInput, RegenerationResult>(context, services);
}
