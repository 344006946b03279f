namespace DurableLessons.Load.Clients;

/// <summary>How one lesson ended as its client saw it.</summary>
internal sealed record LessonOutcome(string Topic, string? InstanceId, string Status, double EndToEndMilliseconds, string? Error)
{
    public const string Completed = "Completed";

    public bool IsCompleted => Status == Completed;
}
