using DurableLessons.Hosts.Functions.Triggers.Orchestrations;
using DurableLessons.Orchestrations;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sdk = Microsoft.DurableTask;

namespace DurableLessons.Functions.Tests.Adapters;

/// <summary>
/// The real LessonGeneration orchestration, run through its Durable orchestrator function against a mocked
/// <see cref="Sdk.TaskOrchestrationContext"/>: what Durable is asked to do must be exactly what our port asked for.
/// </summary>
public sealed class LessonGenerationOnDurableTests
{
    private static readonly LessonRunInput Input = new(
        Subject: "chemistry",
        Topic: "covalent bonds",
        Level: LessonLevel.Intermediate,
        UserId: "u-1",
        Language: "en",
        Sources: ["local", "wikipedia", "stackexchange"],
        SourceTimeoutSeconds: 10,
        RunTimeoutSeconds: 600,
        NoteTokenBudget: 3000);

    private static readonly string RunId = RecordingOrchestrationContext.RunGuid.ToString("N");

    [Fact]
    public async Task A_run_calls_every_activity_by_name_with_our_inputs_and_retry_policies_and_skips_a_failing_source()
    {
        var durable = ContextAnsweringEveryStep();

        var result = await RunOrchestratorFunctionAsync(durable);

        Assert.Equal(
            [
                LessonActivityNames.ResearchSource, LessonActivityNames.ResearchSource, LessonActivityNames.ResearchSource,
                LessonActivityNames.ResearchSource, // stackexchange's second and last attempt, after a 1 s durable timer
                LessonActivityNames.MergeResearch,
                LessonActivityNames.WriteOutline, LessonActivityNames.WriteSections,
                LessonActivityNames.WriteExercises, LessonActivityNames.WriteQuiz,
                LessonActivityNames.ReviewLesson,
                LessonActivityNames.SaveLesson, LessonActivityNames.DeleteRunArtifacts,
            ],
            durable.ActivityCalls.Select(call => call.Name));

        var query = new ResearchQuery("chemistry", "covalent bonds", "intermediate", "en");
        Assert.Equal(
            Input.Sources.Select(source => new ResearchSourceInput(RunId, source, query)),
            durable.ActivityCalls.Take(3).Select(call => call.Input));
        Assert.Equal(new ResearchSourceInput(RunId, "stackexchange", query), durable.ActivityCalls[3].Input);

        var merge = Assert.IsType<MergeResearchInput>(durable.ActivityCalls[4].Input);
        Assert.Equal(3000, merge.TokenBudget);
        var skipped = Assert.Single(merge.Reports, report => report.Source == "stackexchange");
        Assert.Equal(0, skipped.NoteCount);
        Assert.Equal("Source 'stackexchange' did not answer within 10 s.", skipped.Error);
        Assert.Null(skipped.Notes);

        var save = Assert.IsType<SaveLessonInput>(durable.ActivityCalls[10].Input);
        Assert.Equal(new ArtifactRef($"{RunId}/review"), save.ReviewedDraft);
        Assert.Equal(new ModelUsage(5, 50, 100), save.Usage);
        Assert.Equal(RunId, durable.ActivityCalls[11].Input);

        Assert.Equal("1.0", result.Version);
        Assert.Equal(LessonRoutes.Latest(Input.Key), result.Url);
        Assert.Equal(new ModelUsage(5, 50, 100), result.Usage);
        Assert.Equal(["stackexchange: Source 'stackexchange' did not answer within 10 s."], result.SkippedSources);
    }

    [Fact]
    public async Task Retry_policies_reach_Durable_as_TaskOptions_from_an_SDK_RetryPolicy_with_the_same_values()
    {
        var durable = ContextAnsweringEveryStep();

        await RunOrchestratorFunctionAsync(durable);

        // Every call carries the storage policy (Lessons:StorageRetryAttempts, 2 s doubling to 30 s): for the steps it
        // handles storage faults only, and a step's own failures are retried by the orchestration on durable timers.
        Assert.All(
            durable.ActivityCalls,
            call => AssertPolicy(call.Options?.Retry?.Policy, attempts: LessonOptions.DefaultStorageRetryAttempts, first: TimeSpan.FromSeconds(2), backoff: 2, max: TimeSpan.FromSeconds(30)));
        Assert.All(durable.ActivityCalls, call => Assert.IsNotType<Sdk.SubOrchestrationOptions>(call.Options));

        // The failing source is asked a second time 1 s after its first failure, then skipped.
        Assert.Contains(durable.Timers, timer => timer.FireAt == RecordingOrchestrationContext.Now.AddSeconds(1));
    }

    [Fact]
    public async Task The_run_races_one_durable_timer_at_the_run_timeout_and_abandons_it_when_the_work_finishes()
    {
        var durable = ContextAnsweringEveryStep();

        await RunOrchestratorFunctionAsync(durable);

        var (fireAt, token) = Assert.Single(durable.Timers, timer => timer.FireAt - RecordingOrchestrationContext.Now > RecordingOrchestrationContext.RetryTimerHorizon);
        Assert.Equal(RecordingOrchestrationContext.Now.AddSeconds(Input.RunTimeoutSeconds), fireAt);
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public async Task Progress_is_set_as_custom_status_from_research_to_completed_including_the_skipped_source()
    {
        var durable = ContextAnsweringEveryStep();

        await RunOrchestratorFunctionAsync(durable);

        var progress = durable.CustomStatuses.Cast<LessonProgress>().ToList();
        Assert.Equal("research", progress[0].Stage);
        Assert.Contains(progress, p => p.Message.StartsWith("stackexchange failed and was skipped", StringComparison.Ordinal));
        Assert.Equal(new LessonProgress("completed", 100, "Saved version 1.0; skipped research source(s): stackexchange.", 3, 3), progress[^1]);
        Assert.Equal(progress.Select(p => p.Percent).Order(), progress.Select(p => p.Percent));
    }

    [Fact]
    public async Task When_the_durable_timer_fires_first_the_run_fails_with_a_timeout_and_says_where_it_stopped()
    {
        var durable = ContextAnsweringEveryStep();
        var neverAnswers = new TaskCompletionSource<AuthorStepOutput>();
        durable.AnswerWithTask(LessonActivityNames.WriteOutline, _ => neverAnswers.Task);
        durable.TimerResult = Task.CompletedTask;

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => RunOrchestratorFunctionAsync(durable));

        Assert.Contains("600 seconds", failure.Message, StringComparison.Ordinal);
        var last = Assert.IsType<LessonProgress>(durable.CustomStatuses[^1]);
        Assert.Equal("timed-out", last.Stage);
    }

    private static RecordingOrchestrationContext ContextAnsweringEveryStep()
    {
        var durable = new RecordingOrchestrationContext(Input.Key.RunInstanceId, Input);
        durable.AnswerWithTask(LessonActivityNames.ResearchSource, input =>
        {
            var source = ((ResearchSourceInput)input!).Source;
            return source == "stackexchange"
                ? Task.FromException<ResearchSourceReport>(SdkFailure.Exception(
                    LessonActivityNames.ResearchSource, 7, "System.TimeoutException", "Source 'stackexchange' did not answer within 10 s."))
                : Task.FromResult(new ResearchSourceReport(source, 4, null, 12, ArtifactRef.For(RunId, $"source-{source}")));
        });
        durable.AnswerWith(LessonActivityNames.MergeResearch, _ => new MergeResearchOutput(ArtifactRef.For(RunId, "research"), 8, 900));
        foreach (var (activity, part) in new[]
        {
            (LessonActivityNames.WriteOutline, "outline"), (LessonActivityNames.WriteSections, "sections"),
            (LessonActivityNames.WriteExercises, "exercises"), (LessonActivityNames.WriteQuiz, "quiz"),
            (LessonActivityNames.ReviewLesson, "review"),
        })
        {
            durable.AnswerWith(activity, _ => new AuthorStepOutput(ArtifactRef.For(RunId, part), new ModelUsage(1, 10, 20), "offline"));
        }

        durable.AnswerWith(LessonActivityNames.SaveLesson, _ => new SaveLessonOutput("1.0", "Covalent bonds", "offline"));
        durable.AnswerWith<object?>(LessonActivityNames.DeleteRunArtifacts, _ => true);
        return durable;
    }

    private static Task<LessonRunResult> RunOrchestratorFunctionAsync(RecordingOrchestrationContext durable)
    {
        var services = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .AddWorkflowTasks(registry => registry.AddLessonOrchestrations())
            .BuildServiceProvider();
        return new LessonOrchestrationFunctions(services).RunLessonGeneration(durable.Mock.Object);
    }

    private static void AssertPolicy(Sdk.RetryPolicy? policy, int attempts, TimeSpan first, double backoff, TimeSpan max)
    {
        Assert.NotNull(policy);
        Assert.Equal(attempts, policy.MaxNumberOfAttempts);
        Assert.Equal(first, policy.FirstRetryInterval);
        Assert.Equal(backoff, policy.BackoffCoefficient);
        Assert.Equal(max, policy.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, policy.RetryTimeout);
    }
}
