namespace DurableLessons.Engine.Runtime;

/// <summary>
/// The orchestrator, replayed against its journal, made a different call than the one recorded at the same
/// sequence number (or skipped a recorded call): its code changed while the instance was running, or it is not
/// deterministic. The instance fails with this error.
/// </summary>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message);

/// <summary>The orchestration broke a rule the engine enforces (custom status size, a task that is not durable).</summary>
public sealed class OrchestrationRuleViolationException(string message) : Exception(message);
