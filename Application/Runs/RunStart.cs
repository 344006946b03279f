namespace DurableLessons.Application.Runs;

/// <summary>The run a start answers with: the one it started (<see cref="Started"/>) or the active one it joined.</summary>
public sealed record RunStart(string InstanceId, bool Started);
