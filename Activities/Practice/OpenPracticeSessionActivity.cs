using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Runs;
using DurableLessons.Shared.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Practice;

/// <summary>
/// Fixes the lesson version a new session practises (the latest when none is asked for), lists its tasks, and clears
/// what an earlier session under the same id left, so a learner who practises again starts over.
/// </summary>
[DurableTask(PracticeNames.OpenPracticeSession)]
public sealed class OpenPracticeSessionActivity(
    ActivityCancellation cancellation, ILessonStore lessons, IPracticeStore practice, ILogger<OpenPracticeSessionActivity> logger)
    : TaskActivity<OpenPracticeSessionInput, PracticeOpened>
{
    public override async Task<PracticeOpened> RunAsync(TaskActivityContext context, OpenPracticeSessionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = new Shared.Lessons.LessonKey(input.Subject, input.Topic, input.Level);
        var version = input.Version ?? (await lessons.GetLatestAsync(key, cancellation.Token))?.Version
            ?? throw new InvalidOperationException($"There is no lesson {key} to practise yet: generate it first.");
        var lesson = new PracticeLessonRef(key.Subject, key.Topic, key.Level, version);
        var (_, tasks) = await PracticeLessons.LoadAsync(lessons, lesson, cancellation.Token);
        if (tasks.Count == 0)
        {
            throw new InvalidOperationException($"{key} version {version} has no exercises or quiz questions to practise.");
        }

        await practice.DeleteSessionAsync(input.SessionId, cancellation.Token);
        logger.LogInformation("Practice session {SessionId} opened on {Lesson} version {Version} with {TaskCount} tasks", input.SessionId, key, version, tasks.Count);
        return new PracticeOpened(lesson, tasks.Select(task => task.Id).ToList(), tasks[0].View(0));
    }
}
