using System.Text.Json;

namespace DurableLessons.Orchestrations.Tests;

/// <summary>Planning a syllabus, then generating its lessons in a capped batch, on both engines.</summary>
public sealed class SyllabusTests(ITestOutputHelper output)
{
    private static async Task<SyllabusDocument> PlanAsync(LessonTestEngine lessons, string syllabusId, string topic = "fractions")
    {
        var id = await lessons.Engine.RunAsync(
            SyllabusOrchestrationNames.SyllabusGeneration,
            new SyllabusRunInput(syllabusId, topic, LessonLevel.Beginner),
            SyllabusOrchestrationNames.GenerationInstanceId(syllabusId));
        (await lessons.Engine.WaitAsync(id)).AssertCompleted();
        return (await lessons.Syllabi.GetAsync(syllabusId, CancellationToken.None))!;
    }

    private static SyllabusBatchInput Batch(SyllabusDocument syllabus, int concurrency) =>
        new(syllabus.Id, concurrency, syllabus.Lessons
            .Select(skeleton => new BatchLesson(skeleton.Id, skeleton.Title, new LessonRunInput(syllabus.Topic, skeleton.Title, syllabus.Level)))
            .ToList());

    private static Task<string> StartBatchAsync(LessonTestEngine lessons, SyllabusBatchInput batch) =>
        lessons.Engine.RunAsync(SyllabusOrchestrationNames.SyllabusBatchGeneration, batch, SyllabusOrchestrationNames.BatchInstanceId(batch.SyllabusId));

    [Theory, BothEngines]
    public async Task A_syllabus_is_planned_from_research_and_saved_with_its_lessons_to_write(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);

        var id = await lessons.Engine.RunAsync(
            SyllabusOrchestrationNames.SyllabusGeneration,
            new { syllabusId = "fractions-basics", topic = "fractions", level = "beginner" },
            SyllabusOrchestrationNames.GenerationInstanceId("fractions-basics"));
        var run = await lessons.Engine.WaitAsync(id);

        run.AssertCompleted();
        var result = run.ReadOutputAs<SyllabusRunResult>()!;
        var syllabus = await lessons.Syllabi.GetAsync("fractions-basics", CancellationToken.None);
        Assert.NotNull(syllabus);
        Assert.Equal((syllabus.Modules.Count, syllabus.Lessons.Count()), (result.ModuleCount, result.LessonCount));
        Assert.True(result.LessonCount >= 2, $"a syllabus plans several lessons; got {result.LessonCount}");
        Assert.Equal("/api/syllabi/fractions-basics", result.Url);
        var status = run.ReadCustomStatusAs<JsonElement>();
        Assert.Equal("completed", status.GetProperty("stage").GetString());
        Assert.Empty(lessons.Author.Calls);
    }

    [Theory, BothEngines]
    public async Task A_syllabus_without_a_topic_fails_naming_the_field(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);

        var id = await lessons.Engine.RunAsync(SyllabusOrchestrationNames.SyllabusGeneration, new { syllabusId = "s", topic = "", level = "beginner" });

        Assert.Contains("'topic'", (await lessons.Engine.WaitAsync(id)).AssertFailed(), StringComparison.Ordinal);
    }

    [Theory, BothEngines]
    public async Task A_batch_writes_every_lesson_at_most_n_at_a_time_and_records_a_failed_one(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var syllabus = await PlanAsync(lessons, "fractions-batch");
        var failing = syllabus.Lessons.Last();
        lessons.Author.FailingTopics[LessonKey.Normalize(failing.Title)] = true;

        var run = await lessons.Engine.WaitAsync(await StartBatchAsync(lessons, Batch(syllabus, concurrency: 2)));

        run.AssertCompleted();
        var result = run.ReadOutputAs<SyllabusBatchResult>()!;
        var total = syllabus.Lessons.Count();
        Assert.Equal((total, total - 1), (result.LessonsTotal, result.LessonsCompleted));
        var failure = Assert.Single(result.Failures);
        Assert.Equal(failing.Id, failure.LessonId);
        Assert.Contains("Every LLM provider failed", failure.Error, StringComparison.Ordinal);
        Assert.Empty(result.AlreadyRunning);
        Assert.InRange(lessons.Author.MaxLessonsAtOnce, 1, 2);
        Assert.Equal(new BatchProgress(total, total, 1, 0), run.ReadCustomStatusAs<BatchProgress>());
        foreach (var skeleton in syllabus.Lessons.Where(l => l.Id != failing.Id))
        {
            var latest = await lessons.Lessons.GetLatestAsync(syllabus.LessonKeyFor(skeleton), CancellationToken.None);
            Assert.Equal("1.0", latest?.Version);
        }
    }

    [Theory, BothEngines]
    public async Task A_batch_leaves_a_lesson_already_being_generated_to_its_run(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var syllabus = await PlanAsync(lessons, "fractions-busy");
        var busy = syllabus.Lessons.First();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lessons.Author.HeldTopics[LessonKey.Normalize(busy.Title)] = hold;
        var busyRun = new LessonRunInput(syllabus.Topic, busy.Title, syllabus.Level);
        var busyId = await lessons.StartAsync(busyRun);
        await lessons.Engine.WaitUntilAsync(busyId, m => m.ReadCustomStatusAs<LessonProgress>()?.Stage == "outline", "write its outline");

        try
        {
            var run = await lessons.Engine.WaitAsync(await StartBatchAsync(lessons, Batch(syllabus, concurrency: 3)));

            run.AssertCompleted();
            var result = run.ReadOutputAs<SyllabusBatchResult>()!;
            Assert.Equal(busy.Id, Assert.Single(result.AlreadyRunning));
            Assert.Equal(syllabus.Lessons.Count() - 1, result.LessonsCompleted);
            Assert.Empty(result.Failures);
            Assert.Null(await lessons.Lessons.GetLatestAsync(busyRun.Key, CancellationToken.None));
        }
        finally
        {
            hold.SetResult();
        }

        // The held run goes on by itself and saves the lesson once.
        (await lessons.Engine.WaitAsync(busyId)).AssertCompleted();
        Assert.Single(await lessons.Lessons.ListVersionsAsync(busyRun.Key, CancellationToken.None));
    }
}
