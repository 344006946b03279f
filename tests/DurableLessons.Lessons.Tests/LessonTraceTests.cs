using System.Diagnostics;
using System.Net;
using DurableLessons.Hosts.Common.Telemetry;
using DurableLessons.Testing.Models;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace DurableLessons.Lessons.Tests;

/// <summary>One lesson, one trace: from the POST through the durable work to every model and store call.</summary>
public sealed class LessonTraceTests
{
    private static readonly string[] Activities =
    [
        "activity:ResearchSource", "activity:MergeResearch", "activity:WriteOutline", "activity:WriteSections",
        "activity:WriteExercises", "activity:WriteQuiz", "activity:ReviewLesson", "activity:SaveLesson", "activity:DeleteRunArtifacts",
    ];

    [Fact]
    public async Task A_lesson_run_is_one_trace_from_the_request_through_every_activity_and_model_call()
    {
        var spans = new SpanCollection();
        await using var model = await FakeLessonModel.StartAsync(seed: 11, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
        await using var host = await RunningHost.StartAsync(ModelSettings(model), services => Trace(services, spans));

        using var response = await host.PostLessonAsync("english", "irregular verbs", "beginner");
        var status = await host.PollUntilDoneAsync(response.Headers.Location!);
        Assert.Equal("Completed", (string?)status["runtimeStatus"]);

        // Listeners are process-wide: other tests' hosts run beside this one, so spans are picked by this host's port.
        var request = spans.Single(s =>
            s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal) && Path(s) == "/api/lessons" &&
            Equals(s.GetTagItem("server.port"), host.BaseAddress.Port));
        var trace = spans.Where(s => s.TraceId == request.TraceId).ToList();
        var created = Assert.Single(trace, s => s.DisplayName == "create_orchestration:LessonGeneration");
        Assert.Equal(request.SpanId, created.ParentSpanId);
        var orchestration = Assert.Single(trace, s => s.DisplayName == "orchestration:LessonGeneration");
        Assert.Equal(created.SpanId, orchestration.ParentSpanId);
        Assert.Equal("Completed", orchestration.GetTagItem("durabletask.task.status"));

        foreach (var name in Activities)
        {
            var activity = Assert.Single(trace, s => s.DisplayName == name);
            Assert.Equal(created.SpanId, activity.ParentSpanId);
        }

        var modelCalls = trace.Where(s => s.DisplayName == "chat fake-model").ToList();
        Assert.Equal(FakeLessonModel.Steps.Count, modelCalls.Count);
        var activitySpans = trace.Where(s => s.DisplayName.StartsWith("activity:", StringComparison.Ordinal)).ToDictionary(s => s.SpanId);
        Assert.All(modelCalls, call =>
        {
            Assert.True(activitySpans.ContainsKey(call.ParentSpanId), $"model call under {call.ParentSpanId}, not an activity");
            Assert.Equal("openai", call.GetTagItem("gen_ai.system"));
            Assert.Equal(100L, call.GetTagItem("gen_ai.usage.input_tokens"));
            Assert.Equal(50L, call.GetTagItem("gen_ai.usage.output_tokens"));
        });
        Assert.Single(trace, s => s.DisplayName == "lessons save_new_version" && s.GetTagItem("db.system.name") as string == "sqlite");
        Assert.Contains(trace, s => s.DisplayName == "artifacts put");
    }

    [Fact]
    public async Task After_a_restart_mid_run_the_run_stays_in_its_trace_and_no_finished_activity_has_a_second_span()
    {
        var spans = new SpanCollection();
        var data = Directory.CreateTempSubdirectory("durable-lessons-trace-");
        try
        {
            // Slow enough that the first host stops while a later step is waiting for the model.
            await using var model = await FakeLessonModel.StartAsync(seed: 13, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(500));
            var settings = new Dictionary<string, string>(ModelSettings(model)) { ["DataDirectory"] = data.FullName };
            Uri status;
            string instanceId;
            await using (var first = await RunningHost.StartAsync(settings, services => Trace(services, spans)))
            {
                using var response = await first.PostLessonAsync("english", "irregular verbs", "beginner");
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                status = response.Headers.Location!;
                instanceId = (string)(await RunningHost.ReadObjectAsync(response))["id"]!;
                await WaitUntilAsync(() => Of(spans, instanceId).Any(s => s.DisplayName == "activity:WriteOutline"));
            }

            Assert.DoesNotContain(Of(spans, instanceId), s => s.DisplayName == "activity:ReviewLesson");
            await using var second = await RunningHost.StartAsync(settings, services => Trace(services, spans));
            var final = await second.PollUntilDoneAsync(new Uri(status.PathAndQuery, UriKind.Relative));
            Assert.Equal("Completed", (string?)final["runtimeStatus"]);

            var created = Assert.Single(Of(spans, instanceId), s => s.DisplayName == "create_orchestration:LessonGeneration");
            var trace = spans.Where(s => s.TraceId == created.TraceId).ToList();
            Assert.Single(trace, s => s.DisplayName == "orchestration:LessonGeneration");
            foreach (var name in Activities)
            {
                // A step the shutdown interrupted runs again; its first span says it was abandoned.
                Assert.Single(trace, s => s.DisplayName == name && s.Status != ActivityStatusCode.Error);
            }

            Assert.Single(trace, s => s.DisplayName == "activity:WriteOutline");
            Assert.All(Of(spans, instanceId), s => Assert.Equal(created.TraceId, s.TraceId));
        }
        finally
        {
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the WAL file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    private static Dictionary<string, string> ModelSettings(FakeLessonModel model) => new()
    {
        ["Llm:Providers:0:Name"] = "fake",
        ["Llm:Providers:0:Endpoint"] = model.Endpoint,
        ["Llm:Providers:0:ApiKey"] = "test-key",
        ["Llm:Providers:0:Model"] = "fake-model",
    };

    private static void Trace(IServiceCollection services, SpanCollection spans) =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddLessonInstrumentation().AddInMemoryExporter(spans));

    private static string? Path(Activity span) => span.GetTagItem("url.path") as string;

    /// <summary>The durable spans of one run (listeners are process-wide, and other tests run lessons too).</summary>
    private static IEnumerable<Activity> Of(SpanCollection spans, string instanceId) =>
        spans.Where(s => s.GetTagItem("durabletask.task.instance_id") as string == instanceId);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The run did not get that far in time.");
            await Task.Delay(50);
        }
    }
}
