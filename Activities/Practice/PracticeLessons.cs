using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Storage;

namespace DurableLessons.Activities.Practice;

/// <summary>Reads the lesson version a session practises, with its tasks; the session's history holds only their ids.</summary>
internal static class PracticeLessons
{
    public static async Task<(LessonDocument Lesson, IReadOnlyList<PracticeTask> Tasks)> LoadAsync(
        ILessonStore store, PracticeLessonRef lesson, CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(lesson.Key, lesson.Version, cancellationToken)
            ?? throw new InvalidOperationException($"{lesson.Key} has no version {lesson.Version} to practise.");
        return (version.Document, PracticeTaskList.From(version.Document));
    }

    public static PracticeTask Find(IReadOnlyList<PracticeTask> tasks, string taskId) =>
        tasks.FirstOrDefault(task => task.Id == taskId)
        ?? throw new InvalidOperationException($"The lesson has no practice task '{taskId}'.");
}
