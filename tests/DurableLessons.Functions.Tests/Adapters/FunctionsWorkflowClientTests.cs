using DurableLessons.Hosts.Functions.Adapters;
using DurableLessons.Shared.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Sdk = Microsoft.DurableTask;
using SdkClient = Microsoft.DurableTask.Client;

namespace DurableLessons.Functions.Tests.Adapters;

/// <summary>Each operation of our workflow client against a strict mock of the Durable Task client.</summary>
public sealed class FunctionsWorkflowClientTests : IDisposable
{
    private const string Id = "lesson~intermediate~chemistry";

    private readonly Mock<SdkClient.DurableTaskClient> _durable = new(MockBehavior.Strict, "test-hub");
    private readonly DurableClientAccessor _accessor = new();
    private readonly IDisposable _binding;
    private readonly CancellationToken _token = new CancellationTokenSource().Token;
    private readonly FunctionsWorkflowClient _client;

    public FunctionsWorkflowClientTests()
    {
        _binding = _accessor.Bind(_durable.Object);
        _client = new FunctionsWorkflowClient(_accessor, NullLogger<FunctionsWorkflowClient>.Instance);
    }

    public void Dispose() => _binding.Dispose();

    [Fact]
    public async Task Scheduling_with_a_free_instance_id_starts_the_named_orchestration_with_that_id_and_input()
    {
        var startAt = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        GivenInstance(null);
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                new Sdk.TaskName("LessonGeneration"), "input", It.Is<Sdk.StartOrchestrationOptions?>(o => o!.InstanceId == Id && o.StartAt == startAt), _token))
            .ReturnsAsync(Id);

        var started = await _client.ScheduleNewOrchestrationInstanceAsync("LessonGeneration", "input", new StartOrchestrationOptions(Id, startAt), _token);

        Assert.Equal(Id, started);
        _durable.VerifyAll();
    }

    [Theory]
    [InlineData(SdkClient.OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Running)]
    [InlineData(SdkClient.OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Pending)]
    [InlineData(SdkClient.OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.Suspended)]
    public async Task Scheduling_an_id_whose_instance_is_not_terminal_is_refused_and_starts_nothing(
        SdkClient.OrchestrationRuntimeStatus existing, OrchestrationRuntimeStatus reported)
    {
        GivenInstance(existing);

        var refused = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            _client.ScheduleNewOrchestrationInstanceAsync("LessonGeneration", "input", new StartOrchestrationOptions(Id), _token));

        Assert.Equal(Id, refused.InstanceId);
        Assert.Equal(reported, refused.Status);
        _durable.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<Sdk.TaskName>(), It.IsAny<object?>(), It.IsAny<Sdk.StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task Scheduling_the_id_of_a_finished_instance_replaces_it()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Completed);
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(new Sdk.TaskName("LessonGeneration"), null, It.IsAny<Sdk.StartOrchestrationOptions?>(), _token))
            .ReturnsAsync(Id);

        Assert.Equal(Id, await _client.ScheduleNewOrchestrationInstanceAsync("LessonGeneration", options: new StartOrchestrationOptions(Id), cancellationToken: _token));
    }

    [Fact]
    public async Task A_start_that_loses_the_race_to_another_start_of_the_same_id_is_reported_as_already_existing()
    {
        _durable.SetupSequence(c => c.GetInstanceAsync(Id, false, _token))
            .ReturnsAsync((SdkClient.OrchestrationMetadata?)null)
            .ReturnsAsync(Metadata(SdkClient.OrchestrationRuntimeStatus.Running));
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(new Sdk.TaskName("LessonGeneration"), "input", It.IsAny<Sdk.StartOrchestrationOptions?>(), _token))
            .ThrowsAsync(new InvalidOperationException("An orchestration with this id already exists."));

        var refused = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            _client.ScheduleNewOrchestrationInstanceAsync("LessonGeneration", "input", new StartOrchestrationOptions(Id), _token));

        Assert.Equal(OrchestrationRuntimeStatus.Running, refused.Status);
    }

    [Fact]
    public async Task Scheduling_without_an_id_leaves_the_id_to_Durable_and_checks_nothing()
    {
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                new Sdk.TaskName("LessonGeneration"), null, It.Is<Sdk.StartOrchestrationOptions?>(o => o!.InstanceId == null), _token))
            .ReturnsAsync("0123456789abcdef0123456789abcdef");

        Assert.Equal("0123456789abcdef0123456789abcdef", await _client.ScheduleNewOrchestrationInstanceAsync("LessonGeneration", cancellationToken: _token));
    }

    [Fact]
    public async Task Getting_an_instance_maps_every_field_of_its_metadata()
    {
        var created = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);
        _durable.Setup(c => c.GetInstanceAsync(Id, true, _token)).ReturnsAsync(new SdkClient.OrchestrationMetadata("LessonGeneration", Id)
        {
            RuntimeStatus = SdkClient.OrchestrationRuntimeStatus.Failed,
            CreatedAt = created,
            LastUpdatedAt = created.AddMinutes(2),
            SerializedInput = """{"subject":"chemistry"}""",
            SerializedOutput = "null",
            SerializedCustomStatus = """{"stage":"saving"}""",
            FailureDetails = SdkFailure.Details("System.TimeoutException", "gave up", "at Run()"),
        });

        var instance = await _client.GetInstanceAsync(Id, getInputsAndOutputs: true, _token);

        Assert.Equal(
            new OrchestrationMetadata("LessonGeneration", Id)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Failed,
                CreatedAt = created,
                LastUpdatedAt = created.AddMinutes(2),
                SerializedInput = """{"subject":"chemistry"}""",
                SerializedOutput = "null",
                SerializedCustomStatus = """{"stage":"saving"}""",
                FailureDetails = new TaskFailureDetails("System.TimeoutException", "gave up", "at Run()"),
            },
            instance);
    }

    [Fact]
    public async Task Getting_an_unknown_instance_answers_null()
    {
        GivenInstance(null);

        Assert.Null(await _client.GetInstanceAsync(Id, cancellationToken: _token));
    }

    [Fact]
    public async Task A_query_becomes_the_SDK_query_and_answers_one_page_newest_first_with_the_next_token()
    {
        var older = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var pageable = new FakePageable<SdkClient.OrchestrationMetadata>(new Sdk.Page<SdkClient.OrchestrationMetadata>(
            [
                new SdkClient.OrchestrationMetadata("LessonGeneration", "a") { RuntimeStatus = SdkClient.OrchestrationRuntimeStatus.Completed, CreatedAt = older },
                new SdkClient.OrchestrationMetadata("LessonGeneration", "b") { RuntimeStatus = SdkClient.OrchestrationRuntimeStatus.Running, CreatedAt = older.AddDays(1) },
            ],
            "next-page"));
        SdkClient.OrchestrationQuery? sent = null;
        _durable.Setup(c => c.GetAllInstancesAsync(It.IsAny<SdkClient.OrchestrationQuery?>()))
            .Callback<SdkClient.OrchestrationQuery?>(query => sent = query)
            .Returns(pageable);

        var page = await _client.QueryInstancesAsync(
            new OrchestrationQuery
            {
                CreatedFrom = older,
                CreatedTo = older.AddDays(7),
                Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Completed],
                InstanceIdPrefix = "lesson~",
                PageSize = 2,
                FetchInputsAndOutputs = true,
                ContinuationToken = "this-page",
            },
            _token);

        Assert.Equal(["b", "a"], page.Values.Select(instance => instance.InstanceId));
        Assert.Equal("next-page", page.ContinuationToken);
        Assert.Equal(("this-page", (int?)2), Assert.Single(pageable.Requests));
        Assert.NotNull(sent);
        Assert.Equal(older, sent.CreatedFrom);
        Assert.Equal(older.AddDays(7), sent.CreatedTo);
        Assert.Equal([SdkClient.OrchestrationRuntimeStatus.Running, SdkClient.OrchestrationRuntimeStatus.Completed], sent.Statuses!);
        Assert.Equal("lesson~", sent.InstanceIdPrefix);
        Assert.Equal(2, sent.PageSize);
        Assert.True(sent.FetchInputsAndOutputs);
        Assert.Equal("this-page", sent.ContinuationToken);
    }

    [Fact]
    public async Task An_empty_result_is_an_empty_last_page()
    {
        _durable.Setup(c => c.GetAllInstancesAsync(It.IsAny<SdkClient.OrchestrationQuery?>()))
            .Returns(new FakePageable<SdkClient.OrchestrationMetadata>());

        var page = await _client.QueryInstancesAsync(new OrchestrationQuery(), _token);

        Assert.Empty(page.Values);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task Raising_an_event_to_a_running_instance_forwards_name_and_payload()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Running);
        _durable.Setup(c => c.RaiseEventAsync(Id, "Approved", "payload", _token)).Returns(Task.CompletedTask);

        await _client.RaiseEventAsync(Id, "Approved", "payload", _token);

        _durable.Verify(c => c.RaiseEventAsync(Id, "Approved", "payload", _token), Times.Once);
    }

    [Fact]
    public async Task Managing_an_unknown_instance_fails_with_not_found_and_sends_nothing()
    {
        GivenInstance(null);

        var missing = await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => _client.RaiseEventAsync(Id, "Approved", null, _token));
        Assert.Equal(Id, missing.InstanceId);
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => _client.TerminateInstanceAsync(Id, null, _token));
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => _client.PurgeInstanceAsync(Id, _token));
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => _client.RestartAsync(Id, false, _token));
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => _client.WaitForInstanceCompletionAsync(Id, false, _token));
    }

    [Fact]
    public async Task Raising_an_event_to_or_terminating_a_finished_instance_fails_with_its_status()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Completed);

        var raise = await Assert.ThrowsAsync<OrchestrationStateException>(() => _client.RaiseEventAsync(Id, "Approved", null, _token));
        var terminate = await Assert.ThrowsAsync<OrchestrationStateException>(() => _client.TerminateInstanceAsync(Id, null, _token));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, raise.Status);
        Assert.Equal("terminate", terminate.Operation);
    }

    [Fact]
    public async Task Terminating_sends_the_output_and_recursion_as_TerminateInstanceOptions()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Running);
        _durable.Setup(c => c.TerminateInstanceAsync(Id, It.Is<SdkClient.TerminateInstanceOptions?>(o => (string?)o!.Output == "stopped by admin" && o.Recursive), _token))
            .Returns(Task.CompletedTask);

        await _client.TerminateInstanceAsync(Id, new TerminateInstanceOptions("stopped by admin", Recursive: true), _token);

        _durable.VerifyAll();
    }

    [Fact]
    public async Task Suspending_and_resuming_forward_the_reason()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Running);
        _durable.Setup(c => c.SuspendInstanceAsync(Id, "maintenance", _token)).Returns(Task.CompletedTask);
        _durable.Setup(c => c.ResumeInstanceAsync(Id, "done", _token)).Returns(Task.CompletedTask);

        await _client.SuspendInstanceAsync(Id, "maintenance", _token);
        await _client.ResumeInstanceAsync(Id, "done", _token);

        _durable.VerifyAll();
    }

    [Fact]
    public async Task Rewinding_a_failed_instance_calls_RewindInstanceAsync_with_the_reason()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Failed);
        _durable.Setup(c => c.RewindInstanceAsync(Id, "retry after fix", _token)).Returns(Task.CompletedTask);

        await _client.RewindInstanceAsync(Id, "retry after fix", _token);

        _durable.VerifyAll();
    }

    [Fact]
    public async Task Rewinding_an_instance_that_did_not_fail_is_refused_before_Durable_is_asked()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Running);

        var refused = await Assert.ThrowsAsync<OrchestrationStateException>(() => _client.RewindInstanceAsync(Id, null, _token));

        Assert.Equal(OrchestrationRuntimeStatus.Running, refused.Status);
        Assert.Equal("rewind", refused.Operation);
    }

    [Fact]
    public async Task Durable_refusals_are_translated_to_our_exceptions()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Failed);
        _durable.Setup(c => c.RewindInstanceAsync(Id, string.Empty, _token)).ThrowsAsync(new InvalidOperationException("not rewindable now"));
        _durable.Setup(c => c.RestartAsync(Id, true, _token)).ThrowsAsync(new ArgumentException("no such instance"));

        var state = await Assert.ThrowsAsync<OrchestrationStateException>(() => _client.RewindInstanceAsync(Id, null, _token));
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => _client.RestartAsync(Id, true, _token));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.Status);
    }

    [Fact]
    public async Task Restarting_returns_the_id_Durable_used()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Completed);
        _durable.Setup(c => c.RestartAsync(Id, true, _token)).ReturnsAsync("fresh-id");

        Assert.Equal("fresh-id", await _client.RestartAsync(Id, restartWithNewInstanceId: true, _token));
    }

    [Fact]
    public async Task Purging_one_instance_returns_how_many_Durable_purged()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Completed);
        _durable.Setup(c => c.PurgeInstanceAsync(Id, null, _token)).ReturnsAsync(new SdkClient.PurgeResult(1));

        Assert.Equal(new PurgeResult(1), await _client.PurgeInstanceAsync(Id, _token));
    }

    [Fact]
    public async Task Purging_many_never_asks_Durable_for_non_terminal_instances()
    {
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var sent = new List<SdkClient.PurgeInstancesFilter>();
        _durable.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<SdkClient.PurgeInstancesFilter>(), null, _token))
            .Callback<SdkClient.PurgeInstancesFilter, SdkClient.PurgeInstanceOptions?, CancellationToken>((filter, _, _) => sent.Add(filter))
            .ReturnsAsync(new SdkClient.PurgeResult(3));

        var everything = await _client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from), _token);
        var failedOrRunning = await _client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(from, from.AddDays(1), [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Running]), _token);
        var runningOnly = await _client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, null, [OrchestrationRuntimeStatus.Running]), _token);

        Assert.Equal(3, everything.PurgedInstanceCount);
        Assert.Equal(3, failedOrRunning.PurgedInstanceCount);
        Assert.Equal(0, runningOnly.PurgedInstanceCount);
        Assert.Equal(2, sent.Count);
        Assert.Equal(from, sent[0].CreatedFrom);
        Assert.Null(sent[0].CreatedTo);
        Assert.Equal(
            [SdkClient.OrchestrationRuntimeStatus.Completed, SdkClient.OrchestrationRuntimeStatus.Failed, SdkClient.OrchestrationRuntimeStatus.Terminated],
            sent[0].Statuses!);
        Assert.Equal(from.AddDays(1), sent[1].CreatedTo);
        Assert.Equal([SdkClient.OrchestrationRuntimeStatus.Failed], sent[1].Statuses!);
    }

    [Fact]
    public async Task Waiting_returns_the_finished_instance_with_its_output()
    {
        GivenInstance(SdkClient.OrchestrationRuntimeStatus.Running);
        _durable.Setup(c => c.WaitForInstanceCompletionAsync(Id, true, _token)).ReturnsAsync(
            new SdkClient.OrchestrationMetadata("LessonGeneration", Id) { RuntimeStatus = SdkClient.OrchestrationRuntimeStatus.Completed, SerializedOutput = "\"done\"" });

        var finished = await _client.WaitForInstanceCompletionAsync(Id, getInputsAndOutputs: true, _token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.Equal("done", finished.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Without_a_bound_Durable_client_every_call_explains_what_is_missing()
    {
        var unbound = new FunctionsWorkflowClient(new DurableClientAccessor(), NullLogger<FunctionsWorkflowClient>.Instance);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => unbound.GetInstanceAsync(Id));

        Assert.Contains("[DurableClient]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binding_lasts_only_for_its_scope_and_nested_bindings_restore_the_outer_client()
    {
        var accessor = new DurableClientAccessor();
        var outer = new Mock<SdkClient.DurableTaskClient>(MockBehavior.Strict, "outer").Object;
        var inner = new Mock<SdkClient.DurableTaskClient>(MockBehavior.Strict, "inner").Object;

        using (accessor.Bind(outer))
        {
            using (accessor.Bind(inner))
            {
                Assert.Same(inner, accessor.Current);
            }

            Assert.Same(outer, accessor.Current);
            await Task.Run(() => Assert.Same(outer, accessor.Current));
        }

        Assert.Throws<InvalidOperationException>(() => accessor.Current);
    }

    private void GivenInstance(SdkClient.OrchestrationRuntimeStatus? status) =>
        _durable.Setup(c => c.GetInstanceAsync(Id, false, _token)).ReturnsAsync(status is { } known ? Metadata(known) : null);

    private static SdkClient.OrchestrationMetadata Metadata(SdkClient.OrchestrationRuntimeStatus status) =>
        new("LessonGeneration", Id) { RuntimeStatus = status };
}
