using System.Net;
using DurableLessons.Http.Streaming;
using DurableLessons.Engine;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Spa.Tests;

public sealed class RunEventsTests
{
    [Fact]
    public async Task A_lesson_run_streams_status_events_then_done_with_the_output_and_the_stream_ends()
    {
        await using var host = await RunningHost.StartAsync();
        using var started = await host.PostLessonAsync("english", "modal verbs", "intermediate");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await RunningHost.ReadObjectAsync(started);

        using var response = await host.Client.GetAsync($"api/runs/{Uri.EscapeDataString((string)run["id"]!)}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var frames = await ServerSentEvent.ReadAsync(await response.Content.ReadAsStreamAsync());

        var events = frames.Where(frame => frame.Name is not null).ToList();
        Assert.Equal("done", events[^1].Name);
        var statuses = events[..^1];
        Assert.NotEmpty(statuses);
        Assert.All(statuses, frame => Assert.Equal("status", frame.Name));
        Assert.All(statuses, frame => Assert.NotNull(frame.Data!["lastUpdatedTime"]));
        Assert.Equal("Completed", (string?)statuses[^1].Data!["runtimeStatus"]);
        var percents = statuses.Select(frame => (int?)frame.Data!["customStatus"]?["percent"]).OfType<int>().ToList();
        Assert.Equal(percents.Order(), percents);
        // Only changes are sent: no two consecutive status events are the same.
        for (var i = 1; i < statuses.Count; i++)
        {
            Assert.NotEqual(statuses[i - 1].Data!.ToJsonString(), statuses[i].Data!.ToJsonString());
        }

        var done = events[^1].Data!;
        Assert.Equal("Completed", (string?)done["runtimeStatus"]);
        Assert.Equal("1.0", (string?)done["output"]!["version"]);
        Assert.Equal("modal verbs", (string?)done["output"]!["topic"]);
    }

    [Fact]
    public async Task An_open_event_stream_does_not_hold_the_engine_back_as_a_request_in_progress_would()
    {
        // The engine waits for requests in progress before each step; with this wait, a stream counted as one would
        // stop the run it follows until the stream closed.
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string> { ["Engine:YieldToRequestsMilliseconds"] = "10000" });
        using var started = await host.PostLessonAsync("english", "phrasal verbs", "beginner");
        var run = await RunningHost.ReadObjectAsync(started);

        using var response = await host.Client.GetAsync($"api/runs/{Uri.EscapeDataString((string)run["id"]!)}/events", HttpCompletionOption.ResponseHeadersRead);
        var frames = await ServerSentEvent.ReadAsync(await response.Content.ReadAsStreamAsync()).WaitAsync(TimeSpan.FromSeconds(60));

        var done = frames.Last(frame => frame.Name is not null);
        Assert.Equal("done", done.Name);
        Assert.Equal("Completed", (string?)done.Data!["runtimeStatus"]);
    }

    [Fact]
    public async Task An_idle_run_gets_heartbeats_and_its_stream_follows_it_to_the_end()
    {
        await using var host = await RunningHost.StartAsync(
            new Dictionary<string, string> { ["RunEvents:HeartbeatSeconds"] = "1" },
            services => services.AddDurableTasks(registry => registry.AddOrchestrator<AwaitApprovalOrchestration>()));
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(AwaitApprovalOrchestration.Name, "essay");

        using var response = await host.Client.GetAsync($"api/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var raised = false;
        var frames = await ServerSentEvent.ReadAsync(stream, frame =>
        {
            if (frame.Comment == "heartbeat" && !raised)
            {
                raised = true;
                client.RaiseEventAsync(id, AwaitApprovalOrchestration.EventName, "approved").GetAwaiter().GetResult();
            }

            return false;
        });

        Assert.True(raised, "No heartbeat arrived while the run was idle.");
        var events = frames.Where(frame => frame.Name is not null).ToList();
        Assert.Contains(events, frame => frame.Name == "status" && (string?)frame.Data!["customStatus"]?["stage"] == "waiting");
        Assert.Equal("done", events[^1].Name);
        Assert.Equal("essay approved", (string?)events[^1].Data!["output"]);
        Assert.Equal("Completed", (string?)events[^1].Data!["runtimeStatus"]);
    }

    [Fact]
    public async Task The_polling_fallback_used_on_Functions_also_follows_a_run_to_done()
    {
        await using var host = await RunningHost.StartAsync(
            new Dictionary<string, string> { ["RunEvents:PollIntervalSeconds"] = "1" },
            services =>
            {
                services.AddDurableTasks(registry => registry.AddOrchestrator<AwaitApprovalOrchestration>());
                services.Replace(ServiceDescriptor.Singleton<IRunChangeSignal>(new PollingRunChangeSignal(TimeSpan.FromSeconds(1), TimeProvider.System)));
            });
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(AwaitApprovalOrchestration.Name, "plan");

        using var response = await host.Client.GetAsync($"api/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        var raised = false;
        var frames = await ServerSentEvent.ReadAsync(await response.Content.ReadAsStreamAsync(), frame =>
        {
            if (!raised && frame.Name == "status" && (string?)frame.Data!["customStatus"]?["stage"] == "waiting")
            {
                raised = true;
                client.RaiseEventAsync(id, AwaitApprovalOrchestration.EventName, "accepted").GetAwaiter().GetResult();
            }

            return false;
        });

        var events = frames.Where(frame => frame.Name is not null).ToList();
        Assert.Equal("status", events[0].Name);
        Assert.Equal("done", events[^1].Name);
        Assert.Equal("plan accepted", (string?)events[^1].Data!["output"]);
    }

    [Fact]
    public async Task An_unknown_run_is_a_404_problem()
    {
        await using var host = await RunningHost.StartAsync();

        using var response = await host.Client.GetAsync("api/runs/no-such-run/events");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-run", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
