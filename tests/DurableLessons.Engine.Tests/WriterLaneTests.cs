using System.Diagnostics.Metrics;
using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests;

/// <summary>
/// The journal writer serves clients' writes (starts, events, control messages) before the engine's own, and says
/// how long each waited in <c>durable_engine.journal.queue.duration</c>, tagged with its lane, so an operator can
/// tell a start that queued behind the engine's backlog from a slow commit.
/// </summary>
public sealed class WriterLaneTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Client_writes_and_engine_writes_are_measured_in_their_own_lanes()
    {
        await using var engine = await TestEngine.StartAsync(
            EngineKind.Embedded,
            registry => registry.AddActivity<Greet>().AddOrchestrator<GreetingChain>(),
            TestServices.With(new Probe()),
            new() { Output = output });
        using var lanes = new LaneRecorder(engine.Services.GetRequiredService<IMeterFactory>());

        var instanceId = await engine.RunAsync(nameof(GreetingChain), new Greeting("Ada", 2));
        await engine.WaitAsync(instanceId);
        await engine.Client.PurgeInstanceAsync(instanceId);

        // One start and one purge from the client; two activity results and at least two episodes from the engine.
        Assert.Equal(2, lanes.Count("client"));
        Assert.True(lanes.Count("engine") >= 4, $"engine lane measured {lanes.Count("engine")} writes");
        Assert.Equal(lanes.Count("client") + lanes.Count("engine"), lanes.Total);
    }

    [Fact]
    public async Task Hundreds_of_concurrent_starts_while_the_engine_writes_each_create_one_instance_that_completes()
    {
        // Starts on thread-pool threads commit their own batch when no transaction is in progress, racing the writer
        // loop and each other: every start must still be written once, and the engine's writes must keep flowing.
        const int Starts = 300;
        await using var engine = await TestEngine.StartAsync(
            EngineKind.Embedded,
            registry => registry.AddActivity<Greet>().AddOrchestrator<GreetingChain>(),
            TestServices.With(new Probe()),
            new() { Output = output });

        var ids = await Task.WhenAll(Enumerable.Range(0, Starts).Select(i =>
            Task.Run(() => engine.RunAsync(nameof(GreetingChain), new Greeting($"g{i}-", 2), $"start-{i}"))));

        Assert.Equal(Starts, ids.Distinct().Count());
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var done = await engine.WaitAsync(id);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal([$"Hello, g{i}-0!", $"Hello, g{i}-1!"], done.ReadOutputAs<List<string>>());
        }
    }

    private sealed class LaneRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, int> _counts = [];
        private readonly Lock _gate = new();
        private int _total;

        public LaneRecorder(IMeterFactory engineMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "durable_engine.journal.queue.duration" && ReferenceEquals(instrument.Meter.Scope, engineMeters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
            {
                lock (_gate)
                {
                    _total++;
                    foreach (var tag in tags)
                    {
                        if (tag is { Key: "lane", Value: string lane } && seconds >= 0)
                        {
                            _counts[lane] = _counts.GetValueOrDefault(lane) + 1;
                        }
                    }
                }
            });
            _listener.Start();
        }

        public int Total
        {
            get
            {
                lock (_gate)
                {
                    return _total;
                }
            }
        }

        public int Count(string lane)
        {
            lock (_gate)
            {
                return _counts.GetValueOrDefault(lane);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
