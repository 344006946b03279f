using DurableLessons.Shared.Lessons;
using Microsoft.DurableTask;
using Moq;

namespace DurableLessons.Functions.Tests.Adapters;

/// <summary>
/// A strict Moq <see cref="TaskOrchestrationContext"/> that records what the adapter asks of Durable: activity calls
/// (name, input, options), the timer, custom statuses. Only the SDK's abstract overloads are set up, so a call to any
/// other member fails the test.
/// </summary>
internal sealed class RecordingOrchestrationContext
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    public static readonly Guid RunGuid = Guid.Parse("6f1c2a9e-4b7d-4e2a-9c3b-0d5e8f7a1b2c");

    private readonly Dictionary<string, Func<object?, Task>> _activityResults = new(StringComparer.Ordinal);

    public RecordingOrchestrationContext(string instanceId, object input)
    {
        Mock.SetupGet(c => c.Name).Returns(new TaskName(OrchestrationNames.LessonGeneration));
        Mock.SetupGet(c => c.InstanceId).Returns(instanceId);
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        Mock.SetupGet(c => c.IsReplaying).Returns(false);
        Mock.Setup(c => c.NewGuid()).Returns(RunGuid);
        Mock.Setup(c => c.GetInput<LessonRunInput>()).Returns((LessonRunInput)input);
        Mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(status => CustomStatuses.Add(status));
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, token) =>
            {
                Timers.Add((fireAt, token));
                return fireAt - Now <= RetryTimerHorizon ? Task.CompletedTask : TimerResult;
            });

        // Moq lets a setup for CallActivityAsync<object?> match calls with any TResult; the last matching setup wins,
        // so the untyped one (used by CallActivityAsync without a result) goes first.
        SetupActivity<object?>();
        SetupActivity<ResearchSourceReport>();
        SetupActivity<MergeResearchOutput>();
        SetupActivity<AuthorStepOutput>();
        SetupActivity<SaveLessonOutput>();
    }

    public Mock<TaskOrchestrationContext> Mock { get; } = new(MockBehavior.Strict);

    public List<ActivityCall> ActivityCalls { get; } = [];

    public List<object?> CustomStatuses { get; } = [];

    public List<(DateTime FireAt, CancellationToken Token)> Timers { get; } = [];

    /// <summary>Timers due within this of <see cref="Now"/> are retry back-offs and fire at once.</summary>
    public static readonly TimeSpan RetryTimerHorizon = TimeSpan.FromMinutes(5);

    /// <summary>What every longer durable timer (the run timeout) returns; by default a timer that never fires.</summary>
    public Task TimerResult { get; set; } = new TaskCompletionSource().Task;

    /// <summary>Answers calls of activity <paramref name="name"/> with <paramref name="result"/> (given the call's input).</summary>
    public void AnswerWithTask<TResult>(string name, Func<object?, Task<TResult>> result) => _activityResults[name] = input => result(input);

    public void AnswerWith<TResult>(string name, Func<object?, TResult> result) =>
        AnswerWithTask(name, input => Task.FromResult(result(input)));

    private void SetupActivity<TResult>() =>
        Mock.Setup(c => c.CallActivityAsync<TResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((name, input, options) =>
            {
                ActivityCalls.Add(new ActivityCall(name.Name, input, options));
                if (!_activityResults.TryGetValue(name.Name, out var result))
                {
                    throw new InvalidOperationException($"The test did not expect activity '{name.Name}'.");
                }

                return Cast<TResult>(result(input));
            });

    private static async Task<TResult> Cast<TResult>(Task task)
    {
        await task;
        var resultProperty = task.GetType().GetProperty(nameof(Task<object>.Result));
        return (TResult)resultProperty!.GetValue(task)!;
    }
}

internal sealed record ActivityCall(string Name, object? Input, TaskOptions? Options);
