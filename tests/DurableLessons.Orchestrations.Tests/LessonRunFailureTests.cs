using DurableLessons.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Orchestrations.Tests;

/// <summary>Retries, failures, the run deadline and rewind of a lesson run.</summary>
public sealed class LessonRunFailureTests(ITestOutputHelper output)
{
    [Theory, BothEngines]
    public async Task A_store_that_refuses_our_credentials_fails_the_run_at_once_naming_the_setting(EngineKind engine)
    {
        var refusing = new RefusingArtifactStore();
        await using var lessons = await LessonTestEngine.StartAsync(
            engine, output, services: services => services.Replace(ServiceDescriptor.Singleton<IArtifactStore>(refusing)));

        var message = (await lessons.RunLessonAsync(LessonRuns.Input("english", "verbs"))).AssertFailed();

        Assert.Contains("Storage:Table:ConnectionString", message, StringComparison.Ordinal);
        // Not the storage retries' eight attempts over two minutes: asking again cannot mend a refusal.
        Assert.Equal(1, refusing.Calls);
    }

    [Theory, BothEngines]
    public async Task A_step_that_fails_twice_is_retried_and_the_lesson_is_saved(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        lessons.Author.TransientFailures["verbs"] = 2;

        var run = await lessons.RunLessonAsync(LessonRuns.Input("english", "verbs"));

        run.AssertCompleted();
        Assert.Equal("1.0", run.ReadOutputAs<LessonRunResult>()!.Version);
        // Five writing steps, the first of them attempted three times.
        Assert.Equal(7, lessons.Author.Calls["verbs"]);
    }

    [Theory, BothEngines]
    public async Task A_step_that_keeps_failing_fails_the_run_naming_the_step_and_saves_nothing(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        lessons.Author.FailingTopics["verbs"] = true;
        var input = LessonRuns.Input("english", "verbs");

        var message = (await lessons.RunLessonAsync(input)).AssertFailed();

        Assert.Contains(LessonActivityNames.WriteOutline, message, StringComparison.Ordinal);
        Assert.Contains("Every LLM provider failed for 'verbs'", message, StringComparison.Ordinal);
        Assert.Equal(3, lessons.Author.Calls["verbs"]);
        Assert.Null(await lessons.Lessons.GetLatestAsync(input.Key, CancellationToken.None));
    }

    [Theory, BothEngines]
    public async Task A_step_refused_by_the_content_filter_is_not_asked_again_and_fails_the_run_naming_the_category(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        lessons.Author.FilteredTopics["verbs"] = "hate";
        var input = LessonRuns.Input("english", "verbs");

        var message = (await lessons.RunLessonAsync(input)).AssertFailed();

        Assert.Contains(LessonActivityNames.WriteOutline, message, StringComparison.Ordinal);
        Assert.Contains("content filter (hate)", message, StringComparison.Ordinal);
        Assert.Equal(1, lessons.Author.Calls["verbs"]);
        Assert.Null(await lessons.Lessons.GetLatestAsync(input.Key, CancellationToken.None));
    }

    /// <summary>
    /// At the deadline the run shows it gave up and starts nothing more; as on Durable Functions, it ends (Failed) once
    /// the step it was waiting for returns, since an orchestration never completes with an activity still open.
    /// </summary>
    [Theory, BothEngines]
    public async Task A_run_that_outlasts_its_deadline_gives_up_and_fails_saying_where_it_stopped(EngineKind engine)
    {
        await using var lessons = await LessonTestEngine.StartAsync(engine, output);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lessons.Author.HeldTopics["verbs"] = hold;
        var input = LessonRuns.Input("english", "verbs") with { RunTimeoutSeconds = 10 };
        var id = await lessons.StartAsync(input);

        var gaveUp = await lessons.Engine.WaitUntilAsync(id, m => m.ReadCustomStatusAs<LessonProgress>()?.Stage == "timed-out", "give up at its deadline");
        hold.SetResult();
        var run = await lessons.Engine.WaitAsync(id);

        Assert.Equal("Gave up after 10 s.", gaveUp.ReadCustomStatusAs<LessonProgress>()!.Message);
        var message = run.AssertFailed();
        Assert.Contains("did not finish within 10 seconds (Lessons:RunTimeoutSeconds); it stopped during 'outline'", message, StringComparison.Ordinal);
        Assert.Equal(1, lessons.Author.Calls["verbs"]);
        Assert.Null(await lessons.Lessons.GetLatestAsync(input.Key, CancellationToken.None));
    }

    /// <summary>
    /// Embedded engine only: the Durable Task SDK's in-process test host has no rewind (its backend answers
    /// Unimplemented). Rewind on the Durable Task Framework belongs with its Azure Storage backend.
    /// </summary>
    [Fact]
    public async Task A_failed_run_rewound_after_the_model_recovers_saves_its_lesson_once()
    {
        await using var lessons = await LessonTestEngine.StartAsync(EngineKind.Embedded, output);
        lessons.Author.FailingTopics["verbs"] = true;
        var input = LessonRuns.Input("english", "verbs");
        var id = await lessons.StartAsync(input);
        (await lessons.Engine.WaitAsync(id)).AssertFailed();

        lessons.Author.FailingTopics.Clear();
        await lessons.Client.RewindInstanceAsync(id, "the model is back");
        var run = await lessons.Engine.WaitAsync(id);

        run.AssertCompleted();
        Assert.Equal("1.0", run.ReadOutputAs<LessonRunResult>()!.Version);
        var versions = await lessons.Lessons.ListVersionsAsync(input.Key, CancellationToken.None);
        Assert.Equal("1.0", Assert.Single(versions).Version);
    }

    /// <summary>An artifact store whose account refuses our key, as Table storage answers 403.</summary>
    private sealed class RefusingArtifactStore : IArtifactStore
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public Task PutAsync(string key, string content, CancellationToken cancellationToken) => Refuse<bool>();

        public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Refuse<string?>();

        public Task DeleteByPrefixAsync(string keyPrefix, CancellationToken cancellationToken) => Refuse<bool>();

        private Task<T> Refuse<T>()
        {
            Interlocked.Increment(ref calls);
            throw new StorageRefusedException(
                "Table storage at 127.0.0.1 refused the request (403 AuthorizationFailure): check Storage:Table:ConnectionString (account name and key).");
        }
    }
}
