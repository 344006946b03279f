using System.Globalization;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Activities.Syllabi;

/// <summary>
/// Saves the plan as a syllabus whose lessons are all pending. Lesson ids are "m{module}-l{lesson}" (1-based), stable
/// for the syllabus; a retried save writes the same syllabus again under the same id.
/// </summary>
[DurableTask(SyllabusActivityNames.SaveSyllabus)]
public sealed class SaveSyllabusActivity(
    ActivityCancellation cancellation,
    ISyllabusStore store, IArtifactStore artifacts, TimeProvider time, ILogger<SaveSyllabusActivity> logger)
    : TaskActivity<SaveSyllabusInput, SaveSyllabusOutput>
{
    public override async Task<SaveSyllabusOutput> RunAsync(TaskActivityContext context, SaveSyllabusInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var plan = await artifacts.GetJsonAsync<SyllabusPlan>(input.Plan, cancellation.Token);
        var modules = plan.Modules
            .Select((module, m) => new SyllabusModule(
                module.Title,
                module.Lessons.Select((lesson, l) => new LessonSkeleton(
                    string.Create(CultureInfo.InvariantCulture, $"m{m + 1}-l{l + 1}"),
                    lesson.Title.Trim(),
                    lesson.Summary,
                    lesson.Objectives,
                    lesson.EstimatedMinutes)).ToList()))
            .ToList();
        var syllabus = new SyllabusDocument(input.SyllabusId, input.Topic, input.Level, input.Goals, input.Language, time.GetUtcNow(), input.Generator, modules);
        await store.SaveAsync(syllabus, cancellation.Token);
        var lessonCount = modules.Sum(m => m.Lessons.Count);
        logger.LogInformation("Saved syllabus {SyllabusId} for {Topic}: {ModuleCount} modules, {LessonCount} lessons", input.SyllabusId, input.Topic, modules.Count, lessonCount);
        return new SaveSyllabusOutput(input.SyllabusId, modules.Count, lessonCount);
    }
}
