namespace DurableLessons.Orchestrations.Tests;

/// <summary>A lesson run from research to a saved version, on both engines.</summary>
public sealed class LessonGenerationTests(ITestOutputHelper output)
{
    [Theory, BothEngines]
    public async Task A_run_saves_a_new_version_each_time_and_ends_with_its_progress_at_100(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var input = LessonRuns.Input("english", "verbs");

        var first = await lessons.RunLessonAsync(input);
        var second = await lessons.RunLessonAsync(input);

        first.AssertCompleted();
        second.AssertCompleted();
        Assert.Equal("1.0", first.ReadOutputAs<LessonRunResult>()!.Version);
        var result = second.ReadOutputAs<LessonRunResult>()!;
        Assert.Equal("1.1", result.Version);
        Assert.Equal("/api/lessons/english/verbs?level=beginner", result.Url);
        Assert.Empty(result.SkippedSources);
        Assert.Equal("offline", result.Generator);
        Assert.Equal(LessonGrounding.Notes, result.Grounding);

        var progress = second.ReadCustomStatusAs<LessonProgress>()!;
        Assert.Equal(("completed", 100, 1, 1), (progress.Stage, progress.Percent, progress.SourcesDone, progress.SourcesTotal));
        Assert.Equal("Saved version 1.1.", progress.Message);

        var latest = await lessons.Lessons.GetLatestAsync(input.Key, CancellationToken.None);
        Assert.NotNull(latest);
        Assert.Equal("1.1", latest.Version);
        Assert.NotEmpty(latest.Document.Sections);
        Assert.NotEmpty(latest.Document.Exercises);
        Assert.Equal(LessonGrounding.Notes, latest.Document.Grounding);
        Assert.NotEmpty(latest.Document.Citations);
    }

    [Theory, BothEngines]
    public async Task A_run_started_with_only_the_required_fields_applies_the_defaults(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);

        // What a Durable client sends to the management API: no sources, timeouts or budgets.
        var id = await lessons.Engine.RunAsync(OrchestrationNames.LessonGeneration, new { subject = "english", topic = "adjectives", level = "beginner" });
        var run = await lessons.Engine.WaitAsync(id);

        run.AssertCompleted();
        Assert.Equal("1.0", run.ReadOutputAs<LessonRunResult>()!.Version);
        var progress = run.ReadCustomStatusAs<LessonProgress>()!;
        Assert.Equal(1, progress.SourcesTotal);
    }

    [Theory]
    [BothEngines("""{"subject":"english","topic":"verbs"}""", "level")]
    [BothEngines("""{"subject":"english","topic":"  ","level":"beginner"}""", "topic")]
    [BothEngines("""{"subject":"english","topic":"verbs","level":"beginner","runTimeoutSeconds":1}""", "runTimeoutSeconds")]
    [BothEngines("""{"subject":"english","topic":"verbs","level":"beginner","sources":[]}""", "sources")]
    public async Task Invalid_input_fails_the_run_at_once_naming_the_field(EngineKind engine, string json, string field)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);

        var id = await lessons.Engine.RunAsync(OrchestrationNames.LessonGeneration, System.Text.Json.JsonDocument.Parse(json).RootElement);
        var message = (await lessons.Engine.WaitAsync(id)).AssertFailed();

        Assert.Contains($"'{field}'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter 'values'", message, StringComparison.Ordinal);
        Assert.Empty(lessons.Author.Calls);
    }

    [Theory, BothEngines]
    public async Task A_run_without_input_fails_saying_what_it_needs(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);

        var message = (await lessons.Engine.WaitAsync(await lessons.Engine.RunAsync(OrchestrationNames.LessonGeneration))).AssertFailed();

        Assert.Contains("subject, topic and level", message, StringComparison.Ordinal);
    }

    [Theory, BothEngines]
    public async Task Research_fans_out_over_every_source_and_a_failing_source_is_skipped_and_named(EngineKind engine)
    {
        // A source that is enabled but cannot be reached: nothing listens on port 1.
        await using var lessons = await LessonTestEngine.StartAsync(engine, output, new Dictionary<string, string?>
        {
            ["Research:Sources:wikipedia:Enabled"] = "true",
            ["Research:Sources:wikipedia:BaseUrl"] = "http://127.0.0.1:1/",
        });

        var run = await lessons.RunLessonAsync(LessonRuns.Input("english", "verbs", LessonLevel.Beginner, "local", "wikipedia"));

        run.AssertCompleted();
        var result = run.ReadOutputAs<LessonRunResult>()!;
        Assert.StartsWith("wikipedia: ", Assert.Single(result.SkippedSources), StringComparison.Ordinal);
        var progress = run.ReadCustomStatusAs<LessonProgress>()!;
        Assert.Equal((2, 2), (progress.SourcesDone, progress.SourcesTotal));
        Assert.Equal("Saved version 1.0; skipped research source(s): wikipedia.", progress.Message);
    }

    [Theory, BothEngines]
    public async Task Offline_a_lesson_without_any_research_notes_fails_at_once_naming_the_setting_that_would_write_it(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);

        var message = (await lessons.RunLessonAsync(LessonRuns.Input("cooking", "sourdough starters"))).AssertFailed();

        Assert.Contains("No research notes were found for cooking / sourdough starters", message, StringComparison.Ordinal);
        Assert.Contains("Llm:Providers", message, StringComparison.Ordinal);
        // A refusal that asking again cannot change is not retried.
        Assert.Equal(1, lessons.Author.Calls["sourdough starters"]);
        Assert.Null(await lessons.Lessons.GetLatestAsync(new LessonKey("cooking", "sourdough starters", LessonLevel.Beginner), CancellationToken.None));
    }

    [Theory, BothEngines]
    public async Task With_a_model_a_lesson_without_research_notes_is_written_from_its_own_knowledge_and_marked_ungrounded(EngineKind engine)
    {
        await using var model = await FakeLessonModel.StartAsync(seed: 7, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
        await using var lessons = await LessonTestEngine.StartAsync(engine, output, new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "fake",
            ["Llm:Providers:0:Endpoint"] = model.Endpoint,
            ["Llm:Providers:0:ApiKey"] = "test-key",
            ["Llm:Providers:0:Model"] = "fake-model",
        });
        var input = LessonRuns.Input("cooking", "sourdough starters");

        var run = await lessons.RunLessonAsync(input);

        run.AssertCompleted();
        var result = run.ReadOutputAs<LessonRunResult>()!;
        Assert.Equal(LessonGrounding.None, result.Grounding);
        Assert.Equal("fake/fake-model", result.Generator);
        var progress = run.ReadCustomStatusAs<LessonProgress>()!;
        Assert.StartsWith("Saved version 1.0. No research source knew the topic, so it was written from the model's own knowledge", progress.Message, StringComparison.Ordinal);

        var saved = (await lessons.Lessons.GetLatestAsync(input.Key, CancellationToken.None))!.Document;
        Assert.Equal(LessonGrounding.None, saved.Grounding);
        Assert.Empty(saved.Citations);
        Assert.All(saved.Sections, section => Assert.Empty(section.CitationIds));
        Assert.All(FakeLessonModel.Steps, step => Assert.Equal(1, model.CallsFor(input.Key, step)));
    }
}
