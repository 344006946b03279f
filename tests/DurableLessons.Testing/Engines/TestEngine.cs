using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Testing.Engines;

/// <summary>
/// One running engine with its tasks and services: the client that starts and manages instances, and waits that turn
/// a run which hangs on this engine into a failure that names the engine and the instance.
/// </summary>
public abstract class TestEngine : IAsyncDisposable
{
    private readonly TimeSpan _waitTimeout;

    private protected TestEngine(EngineKind kind, TimeSpan waitTimeout)
    {
        Kind = kind;
        _waitTimeout = waitTimeout;
    }

    public EngineKind Kind { get; }

    public abstract DurableTaskClient Client { get; }

    /// <summary>The services the tasks were created from (the embedded host's, or the test host's worker).</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>
    /// Starts an engine with the tasks <paramref name="tasks"/> registers and the services <paramref name="services"/>
    /// adds (activities are created from them; orchestrators with their parameterless constructor, as in the SDK).
    /// </summary>
    public static async Task<TestEngine> StartAsync(
        EngineKind kind,
        Action<DurableTaskRegistry> tasks,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null,
        TestEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        options ??= new TestEngineOptions();
        return kind switch
        {
            EngineKind.Embedded => await EmbeddedTestEngine.StartAsync(tasks, services, options),
            EngineKind.DurableTask => await DurableTask.DurableTaskTestEngine.StartAsync(tasks, services, options),
            EngineKind.AzureStorage => await AzureStorage.AzureStorageTestEngine.StartAsync(tasks, services, options),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Starts a host built with <see cref="TestEngineOptions.Start"/> false (embedded only).</summary>
    public abstract Task StartAsync();

    /// <summary>Stops the engine as its host would at shutdown.</summary>
    public abstract Task StopAsync();

    public abstract ValueTask DisposeAsync();

    public Task<string> RunAsync(TaskName orchestrator, object? input = null, string? instanceId = null) =>
        Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));

    /// <summary>Waits for the instance to finish (with inputs and outputs); fails naming the engine if it does not.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(_waitTimeout);
        try
        {
            return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (Exception exception) when (timeout.IsCancellationRequested && exception is OperationCanceledException or Grpc.Core.RpcException)
        {
            throw new TimeoutException(await HangMessageAsync(instanceId, "finish"), exception);
        }
    }

    /// <summary>Waits until the instance's state satisfies <paramref name="condition"/>; fails naming the engine if it does not.</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, string? what = null)
    {
        using var timeout = new CancellationTokenSource(_waitTimeout);
        try
        {
            while (true)
            {
                var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
                if (metadata is not null && condition(metadata))
                {
                    return metadata;
                }

                // Reading state is all both clients offer for arbitrary conditions; this only turns a hang into a failure.
                await Task.Delay(20, timeout.Token);
            }
        }
        catch (Exception exception) when (timeout.IsCancellationRequested && exception is OperationCanceledException or Grpc.Core.RpcException)
        {
            throw new TimeoutException(await HangMessageAsync(instanceId, what ?? "reach the awaited state"), exception);
        }
    }

    /// <summary>Waits for a signal from test code (an activity started, …); fails naming the engine if it never comes.</summary>
    public async Task WaitForAsync(Task signal, string what)
    {
        ArgumentNullException.ThrowIfNull(signal);
        try
        {
            await signal.WaitAsync(_waitTimeout);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{Kind} engine: timed out after {_waitTimeout.TotalSeconds:0} s waiting until {what}.", exception);
        }
    }

    private async Task<string> HangMessageAsync(string instanceId, string what)
    {
        string status;
        try
        {
            using var read = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, read.Token);
            status = metadata is null
                ? "unknown instance"
                : $"{metadata.RuntimeStatus}, custom status {metadata.SerializedCustomStatus ?? "none"}";
        }
#pragma warning disable CA1031 // The message is best effort: the hang is the failure being reported.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            status = $"status unreadable: {exception.GetType().Name}";
        }

        return $"{Kind} engine: instance '{instanceId}' did not {what} within {_waitTimeout.TotalSeconds:0} s ({status}).";
    }
}
