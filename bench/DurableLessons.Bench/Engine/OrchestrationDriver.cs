using System.Diagnostics;
using System.Globalization;
using DurableLessons.Bench.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Bench.Engine;

/// <summary>
/// Keeps a fixed number of fan-out orchestrations in flight through the <see cref="DurableTaskClient"/>: each worker starts
/// one, waits for it to complete, checks its output, and starts the next.
/// </summary>
internal sealed class OrchestrationDriver(DurableTaskClient client, int width, int inFlight)
{
    /// <summary>Runs exactly <paramref name="count"/> orchestrations; instance ids are the prefix plus a number.</summary>
    public async Task<TimeSpan> RunCountAsync(string idPrefix, int count, CancellationToken cancellationToken)
    {
        var (_, elapsed) = await RunAsync(idPrefix, number => number <= count, cancellationToken);
        return elapsed;
    }

    /// <summary>Starts orchestrations for <paramref name="duration"/> and waits for those started to complete.</summary>
    public async Task<(int Completed, TimeSpan Elapsed)> RunForAsync(string idPrefix, TimeSpan duration, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        return await RunAsync(idPrefix, _ => stopwatch.Elapsed < duration, cancellationToken);
    }

    private async Task<(int Completed, TimeSpan Elapsed)> RunAsync(string idPrefix, Func<int, bool> shouldStart, CancellationToken cancellationToken)
    {
        var next = 0;
        var completed = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, inFlight).Select(_ => Task.Run(
            async () =>
            {
                int number;
                while (shouldStart(number = Interlocked.Increment(ref next)))
                {
                    await RunOneAsync(idPrefix + number.ToString("D7", CultureInfo.InvariantCulture), cancellationToken);
                    Interlocked.Increment(ref completed);
                }
            },
            cancellationToken));
        await Task.WhenAll(workers);
        return (completed, stopwatch.Elapsed);
    }

    private async Task RunOneAsync(string instanceId, CancellationToken cancellationToken)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(FanOutOrchestration.Name, width, new StartOrchestrationOptions(instanceId), cancellationToken);
        var result = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed || result.ReadOutputAs<int>() != width)
        {
            throw new InvalidOperationException(
                $"Orchestration {instanceId} ended {result.RuntimeStatus} with output {result.SerializedOutput ?? "null"}; expected Completed with {width}.");
        }
    }
}
