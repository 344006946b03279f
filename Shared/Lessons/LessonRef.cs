namespace DurableLessons.Shared.Lessons;

/// <summary>A lesson named by its key's parts as a client or a stored record spells them (regeneration, practice).</summary>
public sealed record LessonRef(string Subject, string Topic, string Level);
