using DurableLessons.Shared.Lessons;

namespace DurableLessons.Storage;

/// <summary>Argument checks every store applies the same way.</summary>
internal static class LessonStoreArguments
{
    public const int MaxRunIdLength = 512;

    public static void ValidateSave(LessonKey key, string runId, LessonDocument document)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (runId.Length > MaxRunIdLength)
        {
            throw new ArgumentException($"A run id may have at most {MaxRunIdLength} characters.", nameof(runId));
        }
    }
}
