using DurableLessons.Hosts.Functions.Triggers.Activities;
using DurableLessons.Shared.Runs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DurableLessons.Functions.Tests.Activities;

/// <summary>
/// How an activity function runs its activity: created through DI from the invocation's scope (with the arguments
/// DI cannot give, like the bound Durable client), told the invocation's cancellation and the calling orchestration.
/// </summary>
public sealed class ActivityInvocationTests : IDisposable
{
    private const string InstanceId = "lesson~chemistry~bonds~beginner";
    private readonly CancellationTokenSource _invocation = new();
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddScoped<ActivityCancellation>()
        .AddSingleton<Probe>()
        .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

    public void Dispose()
    {
        _invocation.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task The_activity_gets_the_invocations_token_the_function_name_and_the_calling_orchestrations_instance_id()
    {
        using var scope = _services.CreateScope();
        var context = ActivityInvocations.Of(RecordingActivity.Name, InstanceId, scope.ServiceProvider, _invocation.Token);

        var output = await ActivityInvocation.RunAsync<RecordingActivity, string, string>(context, "the input");

        Assert.Equal("ran with the input", output);
        var seen = _services.GetRequiredService<Probe>();
        Assert.Equal(RecordingActivity.Name, seen.Name);
        Assert.Equal(InstanceId, seen.InstanceId);
        Assert.Equal(_invocation.Token, seen.Token);
        Assert.Equal(_invocation.Token, scope.ServiceProvider.GetRequiredService<ActivityCancellation>().Token);
    }

    [Fact]
    public async Task Cancelling_the_invocation_cancels_the_running_activity()
    {
        using var scope = _services.CreateScope();
        var context = ActivityInvocations.Of(RecordingActivity.Name, InstanceId, scope.ServiceProvider, _invocation.Token);
        await ActivityInvocation.RunAsync<RecordingActivity, string, string>(context, "x");

        await _invocation.CancelAsync();

        Assert.True(_services.GetRequiredService<Probe>().Token.IsCancellationRequested);
    }

    [Fact]
    public async Task GetRunStatus_reads_the_run_through_the_bound_Durable_client_with_the_invocations_token()
    {
        using var scope = _services.CreateScope();
        var context = ActivityInvocations.Of(RunActivityNames.GetRunStatus, InstanceId, scope.ServiceProvider, _invocation.Token);
        var client = new Mock<DurableTaskClient>(MockBehavior.Strict, "test");
        client.Setup(c => c.GetInstanceAsync("lesson~other", false, _invocation.Token))
            .ReturnsAsync(new OrchestrationMetadata("LessonGeneration", "lesson~other") { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var report = await RunActivityFunctions.GetRunStatus("lesson~other", client.Object, context);

        Assert.Equal(new RunStatusReport("lesson~other", "Running", IsActive: true), report);
        client.Verify(c => c.GetInstanceAsync("lesson~other", false, _invocation.Token), Times.Once);
    }

    [Fact]
    public async Task A_function_that_runs_an_activity_registered_under_another_name_fails_before_running_it()
    {
        using var scope = _services.CreateScope();
        var context = ActivityInvocations.Of("WriteQuiz", InstanceId, scope.ServiceProvider, _invocation.Token);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ActivityInvocation.RunAsync<RecordingActivity, string, string>(context, "x"));

        Assert.Contains("'WriteQuiz' runs RecordingActivity, which is registered as 'RecordContext'", failure.Message, StringComparison.Ordinal);
        Assert.Null(_services.GetRequiredService<Probe>().Name);
    }

    [Fact]
    public async Task An_invocation_without_the_triggers_instance_id_fails()
    {
        using var scope = _services.CreateScope();
        var context = ActivityInvocations.Of(RecordingActivity.Name, instanceId: null, scope.ServiceProvider);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ActivityInvocation.RunAsync<RecordingActivity, string, string>(context, "x"));

        Assert.Contains("'instanceId'", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>What <see cref="RecordingActivity"/> saw.</summary>
    private sealed class Probe
    {
        public string? Name { get; set; }

        public string? InstanceId { get; set; }

        public CancellationToken Token { get; set; }
    }

    [DurableTask(Name)]
    private sealed class RecordingActivity(ActivityCancellation cancellation, Probe probe) : TaskActivity<string, string>
    {
        public const string Name = "RecordContext";

        public override Task<string> RunAsync(TaskActivityContext context, string input)
        {
            probe.Name = context.Name.Name;
            probe.InstanceId = context.InstanceId;
            probe.Token = cancellation.Token;
            return Task.FromResult($"ran with {input}");
        }
    }
}
