using DurableLessons.Engine.Client;
using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using OrchestrationAlreadyExistsException = DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException;

namespace DurableLessons.Engine.Tests;

/// <summary>
/// The embedded engine's <see cref="DurableTaskClient"/>. What orchestrations do (terminate, suspend, failure details)
/// runs on both engines; instance id rules, query paging, error types and the Pending state before the engine starts
/// are the embedded client's own contract, and those tests run on it alone.
/// </summary>
public sealed class ClientTests(ITestOutputHelper output)
{
    private static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivity<Greet>()
        .AddOrchestrator<GoThenGreet>()
        .AddOrchestrator<GreetingChain>()
        .AddOrchestrator<Crash>();

    private Task<TestEngine> StartAsync(EngineKind kind = EngineKind.Embedded, Probe? probe = null, bool start = true) =>
        TestEngine.StartAsync(kind, Tasks, TestServices.With(probe ?? new Probe()), new() { Output = output, Start = start });

    /// <summary>Embedded only: the in-process Durable Task host accepts a start under a running id (its store does not deduplicate); Durable Functions' stores refuse it, as the embedded engine does.</summary>
    [Fact]
    public async Task Of_50_concurrent_starts_of_one_id_exactly_one_wins()
    {
        await using var engine = await StartAsync(EngineKind.Embedded);

        var attempts = Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GoThenGreet), $"caller{i}", new StartOrchestrationOptions("contested"))))
            .ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async attempt =>
        {
            try
            {
                await attempt;
                return "won";
            }
            catch (OrchestrationAlreadyExistsException)
            {
                return "refused";
            }
        }));

        Assert.Single(outcomes, o => o == "won");
        Assert.Equal(49, outcomes.Count(o => o == "refused"));
    }

    [Theory, BothEngines]
    public async Task A_terminal_instance_id_can_be_reused_and_the_new_run_replaces_it(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        await engine.WaitAsync(await engine.RunAsync(nameof(GreetingChain), new Greeting("A", 1), "reused"));
        await engine.RunAsync(nameof(GreetingChain), new Greeting("B", 2), "reused");
        var second = await engine.WaitAsync("reused");

        Assert.Equal(["Hello, B0!", "Hello, B1!"], second.ReadOutputAs<List<string>>());
        if (kind == EngineKind.Embedded)
        {
            // The embedded journal holds the new run only.
            var history = (await engine.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync("reused", default))!;
            Assert.Equal(2, history.Count(e => e.EventType == "TaskCompleted"));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\nb")]
    public async Task Invalid_instance_ids_are_rejected(string instanceId)
    {
        await using var engine = await StartAsync(start: false);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.RunAsync(nameof(GoThenGreet), "x", instanceId));
    }

    [Fact]
    public async Task Instance_ids_may_have_256_characters_but_not_257()
    {
        await using var engine = await StartAsync(start: false);

        Assert.Equal(new string('i', 256), await engine.RunAsync(nameof(GoThenGreet), "x", new string('i', 256)));
        await Assert.ThrowsAsync<ArgumentException>(() => engine.RunAsync(nameof(GoThenGreet), "x", new string('i', 257)));
    }

    [Fact]
    public async Task Scheduling_an_unknown_orchestrator_is_rejected()
    {
        await using var engine = await StartAsync(start: false);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => engine.RunAsync("NoSuchOrchestrator"));
        Assert.Contains("NoSuchOrchestrator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_is_Pending_until_it_first_runs_and_shows_inputs_and_outputs_only_when_asked()
    {
        await using var engine = await StartAsync(start: false);
        var before = DateTimeOffset.UtcNow;

        var id = await engine.RunAsync(nameof(GreetingChain), new Greeting("P", 1));
        var pending = (await engine.Client.GetInstanceAsync(id))!;

        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending.RuntimeStatus);
        Assert.Equal(nameof(GreetingChain), pending.Name);
        Assert.InRange(pending.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Null(pending.SerializedInput);
        Assert.Equal("{\"name\":\"P\",\"times\":1}", (await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.SerializedInput);
        Assert.Null(await engine.Client.GetInstanceAsync("unknown"));

        await engine.StartAsync();
        var completed = await engine.WaitAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.True(completed.LastUpdatedAt >= completed.CreatedAt);
        Assert.Null((await engine.Client.GetInstanceAsync(id))!.SerializedOutput);
        Assert.Equal("[\"Hello, P0!\"]", completed.SerializedOutput);
    }

    [Theory, BothEngines]
    public async Task A_failed_instance_reports_its_failure_details_and_output(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);

        var failed = await engine.WaitAsync(await engine.RunAsync(nameof(Crash)));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal("System.InvalidOperationException", failed.FailureDetails!.ErrorType);
        Assert.Equal("the orchestrator crashed", failed.FailureDetails.ErrorMessage);
        // The output of a failed instance differs: the embedded engine writes Durable Functions' JSON message, the
        // in-process Durable Task host the bare error text.
        Assert.Contains("the orchestrator crashed", failed.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_page_newest_first_with_filters_and_validated_continuation_tokens()
    {
        await using var engine = await StartAsync(start: false);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await engine.RunAsync(nameof(GoThenGreet), "x", $"q-{i}"));
        }

        await engine.RunAsync(nameof(GoThenGreet), "x", "other");
        var query = new OrchestrationQuery { InstanceIdPrefix = "q-", PageSize = 2, Statuses = [OrchestrationRuntimeStatus.Pending] };

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await engine.Client.QueryInstancesAsync(query with { ContinuationToken = token });
            seen.AddRange(page.Values.Select(v => v.InstanceId));
            Assert.All(page.Values, v => Assert.Null(v.SerializedInput));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
        var withInputs = await engine.Client.QueryInstancesAsync(query with { FetchInputsAndOutputs = true, PageSize = 1 });
        Assert.Equal("\"x\"", withInputs.Values.Single().SerializedInput);
        Assert.Empty((await engine.Client.QueryInstancesAsync(query with { Statuses = [OrchestrationRuntimeStatus.Running] })).Values);
        Assert.Empty((await engine.Client.QueryInstancesAsync(query with { CreatedFrom = DateTimeOffset.UtcNow.AddMinutes(1) })).Values);
        Assert.Equal(6, (await engine.Client.QueryInstancesAsync(new OrchestrationQuery())).Values.Count);

        var valid = (await engine.Client.QueryInstancesAsync(query)).ContinuationToken!;
        var tampered = valid[..^2] + (valid[^2] == 'A' ? "B" : "A") + valid[^1];
        var forged = Convert.ToBase64String("0:q-9"u8) + "." + valid.Split('.')[1];
        foreach (var bad in new[] { tampered, forged, "garbage", "a.b.c", "...." })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.QueryInstancesAsync(query with { ContinuationToken = bad }));
        }

        await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.QueryInstancesAsync(query with { InstanceIdPrefix = "q", ContinuationToken = valid }));
    }

    /// <summary>Embedded only: the error types are the embedded client's contract.</summary>
    [Fact]
    public async Task Raising_an_event_needs_a_known_non_terminal_instance()
    {
        await using var engine = await StartAsync(EngineKind.Embedded);
        var done = await engine.RunAsync(nameof(GreetingChain), new Greeting("E", 1));
        await engine.WaitAsync(done);

        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => engine.Client.RaiseEventAsync("unknown", "go"));
        var error = await Assert.ThrowsAsync<OrchestrationStateException>(() => engine.Client.RaiseEventAsync(done, "go"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, error.Status);
    }

    [Theory, BothEngines]
    public async Task Terminate_ends_the_instance_with_the_given_output(EngineKind kind)
    {
        await using var engine = await StartAsync(kind);
        var id = await engine.RunAsync(nameof(GoThenGreet), "T");
        await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);

        await engine.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions(Output: "stopped by test"));
        var result = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("stopped by test", result.ReadOutputAs<string>());
        if (kind == EngineKind.Embedded)
        {
            await Assert.ThrowsAsync<OrchestrationStateException>(() => engine.Client.TerminateInstanceAsync(id));
            await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => engine.Client.TerminateInstanceAsync("unknown"));
        }
    }

    [Theory, BothEngines]
    public async Task A_suspended_instance_processes_nothing_until_resumed_and_keeps_what_arrived(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await StartAsync(kind, probe);
        var id = await engine.RunAsync(nameof(GoThenGreet), "S");
        await engine.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);

        await engine.Client.SuspendInstanceAsync(id, "hold on");
        await engine.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await engine.Client.RaiseEventAsync(id, "go", "resumed");
        await Task.Delay(300);

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(0, probe.Executions("Greet:S"));

        await engine.Client.ResumeInstanceAsync(id, "go on");
        var result = await engine.WaitAsync(id);
        Assert.Equal("resumed: Hello, S!", result.ReadOutputAs<string>());
        if (kind != EngineKind.Embedded)
        {
            return;
        }

        var history = (await engine.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(id, default))!
            .Select(e => e.EventType).ToList();
        Assert.True(history.IndexOf("ExecutionSuspended") < history.IndexOf("ExecutionResumed"));
        Assert.True(history.IndexOf("ExecutionResumed") < history.IndexOf("EventRaised"));
    }

    [Theory, BothEngines]
    public async Task Restart_runs_the_original_input_again_under_the_same_or_a_new_id(EngineKind kind)
    {
        var probe = new Probe();
        await using var engine = await StartAsync(kind, probe);
        var id = await engine.RunAsync(nameof(GreetingChain), new Greeting("R", 1), "restartable");
        await engine.WaitAsync(id);

        Assert.Equal(id, await engine.Client.RestartAsync(id));
        await engine.WaitAsync(id);
        var newId = await engine.Client.RestartAsync(id, restartWithNewInstanceId: true);
        var rerun = await engine.WaitAsync(newId);

        Assert.NotEqual(id, newId);
        Assert.Equal(["Hello, R0!"], rerun.ReadOutputAs<List<string>>());
        Assert.Equal(3, probe.Executions("Greet:R0"));

        if (kind == EngineKind.Embedded)
        {
            var running = await engine.RunAsync(nameof(GoThenGreet), "x");
            await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => engine.Client.RestartAsync(running));
            await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => engine.Client.RestartAsync("unknown"));
        }
    }

    /// <summary>Embedded only: purge rules and the journal are the embedded store's.</summary>
    [Fact]
    public async Task Purge_deletes_terminal_instances_only()
    {
        await using var engine = await StartAsync(EngineKind.Embedded);
        var done = await engine.RunAsync(nameof(GreetingChain), new Greeting("X", 1));
        await engine.WaitAsync(done);
        var failed = await engine.RunAsync(nameof(Crash));
        await engine.WaitAsync(failed);
        var running = await engine.RunAsync(nameof(GoThenGreet), "x");

        await Assert.ThrowsAsync<OrchestrationStateException>(() => engine.Client.PurgeInstanceAsync(running));
        Assert.Equal(1, (await engine.Client.PurgeInstanceAsync(done)).PurgedInstanceCount);
        Assert.Equal(0, (await engine.Client.PurgeInstanceAsync(done)).PurgedInstanceCount);
        Assert.Null(await engine.Client.GetInstanceAsync(done));
        Assert.Null(await engine.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(done, default));

        var purged = await engine.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await engine.Client.GetInstanceAsync(failed));
        Assert.NotNull(await engine.Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task Waiting_for_an_unknown_instance_fails_at_once()
    {
        await using var engine = await StartAsync(start: false);

        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => engine.Client.WaitForInstanceCompletionAsync("unknown"));
    }

    /// <summary>Embedded only: the in-process Durable Task host runs an instance at once whatever its start time.</summary>
    [Fact]
    public async Task An_instance_scheduled_for_later_stays_Pending_until_its_start_time()
    {
        await using var engine = await StartAsync(EngineKind.Embedded);
        var startAt = DateTimeOffset.UtcNow.AddMilliseconds(500);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GreetingChain), new Greeting("L", 1), new StartOrchestrationOptions(StartAt: startAt));

        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.WaitAsync(id)).RuntimeStatus);
        var history = (await engine.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(id, default))!;
        Assert.True(history[0].Timestamp >= startAt);
    }
}
