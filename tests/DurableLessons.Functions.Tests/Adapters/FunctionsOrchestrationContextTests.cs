using DurableLessons.Hosts.Functions.Adapters;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Sdk = Microsoft.DurableTask;

namespace DurableLessons.Functions.Tests.Adapters;

public sealed class FunctionsOrchestrationContextTests
{
    private readonly Mock<Sdk.TaskOrchestrationContext> _durable = new(MockBehavior.Strict);

    [Fact]
    public void Identity_and_replay_state_come_from_the_Durable_context()
    {
        var now = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        _durable.SetupGet(c => c.Name).Returns(new Sdk.TaskName("LessonGeneration"));
        _durable.SetupGet(c => c.InstanceId).Returns("child-1");
        _durable.SetupGet(c => c.Parent).Returns(new Sdk.ParentOrchestrationInstance(new Sdk.TaskName("Parent"), "parent-1"));
        _durable.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        _durable.SetupGet(c => c.IsReplaying).Returns(true);

        var context = Adapt();

        Assert.Equal("LessonGeneration", context.Name);
        Assert.Equal("child-1", context.InstanceId);
        Assert.Equal(new ParentOrchestrationInstance("Parent", "parent-1"), context.Parent);
        Assert.Equal(now, context.CurrentUtcDateTime);
        Assert.True(context.IsReplaying);
    }

    [Fact]
    public async Task A_failed_activity_surfaces_as_our_TaskFailedException_with_the_whole_failure_chain()
    {
        var inner = SdkFailure.Details("System.IO.IOException", "disk full", "at Disk.Write()");
        var details = SdkFailure.Details("System.InvalidOperationException", "could not save", "at Save()", inner);
        _durable.Setup(c => c.CallActivityAsync<string>(new Sdk.TaskName("SaveLesson"), "input", null))
            .ThrowsAsync(new Sdk.TaskFailedException("SaveLesson", 4, details));

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Adapt().CallActivityAsync<string>("SaveLesson", "input"));

        Assert.Equal("SaveLesson", failure.TaskName);
        Assert.Equal(4, failure.TaskId);
        Assert.Equal(
            new TaskFailureDetails("System.InvalidOperationException", "could not save", "at Save()", new TaskFailureDetails("System.IO.IOException", "disk full", "at Disk.Write()")),
            failure.FailureDetails);
        Assert.True(failure.FailureDetails.IsCausedBy<InvalidOperationException>());
    }

    [Fact]
    public async Task A_failed_sub_orchestration_surfaces_as_our_TaskFailedException_too()
    {
        _durable.Setup(c => c.CallSubOrchestratorAsync<int>(new Sdk.TaskName("Child"), null, null))
            .ThrowsAsync(SdkFailure.Exception("Child", 9, "System.TimeoutException", "too slow"));

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Adapt().CallSubOrchestratorAsync<int>("Child"));

        Assert.Equal("too slow", failure.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task A_sub_orchestration_keeps_its_instance_id_and_retry_policy()
    {
        Sdk.TaskOptions? sent = null;
        _durable.Setup(c => c.CallSubOrchestratorAsync<int>(new Sdk.TaskName("Child"), 42, It.IsAny<Sdk.TaskOptions?>()))
            .Callback<Sdk.TaskName, object?, Sdk.TaskOptions?>((_, _, options) => sent = options)
            .ReturnsAsync(7);
        var policy = new RetryPolicy(4, TimeSpan.FromSeconds(3), 1.5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));

        var result = await Adapt().CallSubOrchestratorAsync<int>("Child", 42, TaskOptions.FromRetryPolicy(policy).WithInstanceId("child-7"));

        Assert.Equal(7, result);
        var subOptions = Assert.IsType<Sdk.SubOrchestrationOptions>(sent);
        Assert.Equal("child-7", subOptions.InstanceId);
        var sdkPolicy = subOptions.Retry?.Policy;
        Assert.NotNull(sdkPolicy);
        Assert.Equal(4, sdkPolicy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(3), sdkPolicy.FirstRetryInterval);
        Assert.Equal(1.5, sdkPolicy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromMinutes(1), sdkPolicy.MaxRetryInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), sdkPolicy.RetryTimeout);
    }

    [Fact]
    public async Task A_call_without_options_sends_none()
    {
        _durable.Setup(c => c.CallActivityAsync<object?>(new Sdk.TaskName("DeleteRunArtifacts"), "run-1", null)).ReturnsAsync(true);

        await Adapt().CallActivityAsync("DeleteRunArtifacts", "run-1");

        _durable.Verify(c => c.CallActivityAsync<object?>(new Sdk.TaskName("DeleteRunArtifacts"), "run-1", null), Times.Once);
    }

    [Fact]
    public async Task Timers_and_external_events_go_to_the_Durable_members()
    {
        var fireAt = new DateTime(2026, 5, 5, 0, 0, 0, DateTimeKind.Utc);
        using var cancellation = new CancellationTokenSource();
        _durable.Setup(c => c.CreateTimer(fireAt, cancellation.Token)).Returns(Task.CompletedTask);
        _durable.Setup(c => c.WaitForExternalEvent<string>("Approved", cancellation.Token)).ReturnsAsync("yes");

        var context = Adapt();
        await context.CreateTimer(fireAt, cancellation.Token);
        var answer = await context.WaitForExternalEvent<string>("Approved", cancellation.Token);

        Assert.Equal("yes", answer);
        _durable.Verify(c => c.CreateTimer(fireAt, cancellation.Token), Times.Once);
    }

    [Fact]
    public async Task A_relative_timer_fires_at_the_replay_safe_time_plus_the_delay()
    {
        var now = new DateTime(2026, 5, 5, 8, 0, 0, DateTimeKind.Utc);
        _durable.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        _durable.Setup(c => c.CreateTimer(now.AddMinutes(5), CancellationToken.None)).Returns(Task.CompletedTask);

        await Adapt().CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);

        _durable.Verify(c => c.CreateTimer(now.AddMinutes(5), CancellationToken.None), Times.Once);
    }

    [Fact]
    public void Events_custom_status_continue_as_new_and_guids_go_to_the_Durable_members()
    {
        var guid = Guid.Parse("0b8e6c1e-57a3-4a51-8b3c-9b1f3c2d4e5f");
        _durable.Setup(c => c.SendEvent("other", "Ping", 1));
        _durable.Setup(c => c.SetCustomStatus("halfway"));
        _durable.Setup(c => c.ContinueAsNew("next", false));
        _durable.Setup(c => c.NewGuid()).Returns(guid);

        var context = Adapt();
        context.SendEvent("other", "Ping", 1);
        context.SetCustomStatus("halfway");
        context.ContinueAsNew("next", preserveUnprocessedEvents: false);

        Assert.Equal(guid, context.NewGuid());
        _durable.Verify(c => c.SendEvent("other", "Ping", 1), Times.Once);
        _durable.Verify(c => c.SetCustomStatus("halfway"), Times.Once);
        _durable.Verify(c => c.ContinueAsNew("next", false), Times.Once);
    }

    [Fact]
    public void The_replay_safe_logger_is_silent_while_Durable_replays()
    {
        var replaying = true;
        _durable.SetupGet(c => c.IsReplaying).Returns(() => replaying);
        var sink = new CountingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(sink));

        var logger = new FunctionsOrchestrationContext(_durable.Object, loggerFactory).CreateReplaySafeLogger("test");
        logger.LogInformation("during replay");
        replaying = false;
        logger.LogInformation("live");

        Assert.Equal(["live"], sink.Messages);
    }

    private FunctionsOrchestrationContext Adapt() => new(_durable.Object, NullLoggerFactory.Instance);

    private sealed class CountingLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Add(formatter(state, exception));
        }
    }
}
