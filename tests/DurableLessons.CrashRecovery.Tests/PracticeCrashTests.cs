using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableLessons.CrashRecovery.Tests.Infrastructure;
using DurableLessons.Testing.Engines;
using DurableLessons.Testing.Hosts;
using DurableLessons.Testing.Models;

namespace DurableLessons.CrashRecovery.Tests;

/// <summary>
/// Issue #14: the host is SIGKILLed after it accepted a learner's message and while the tutor is still answering it.
/// After a restart the reply arrives, once: the transcript holds one turn for the message, never two.
/// </summary>
public sealed class PracticeCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("durable-lessons-practice-crash-");
    private readonly int _port = FreePort.Find();

    [Fact]
    public async Task A_message_accepted_before_a_SIGKILL_is_answered_exactly_once_after_the_restart()
    {
        await using var model = await FakeLessonModel.StartAsync(7, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var logPath = Path.Combine(_dataDirectory.FullName, "host.log");
        var settings = new Dictionary<string, string>
        {
            ["Llm:Providers:0:Name"] = "fake",
            ["Llm:Providers:0:Endpoint"] = model.Endpoint,
            ["Llm:Providers:0:ApiKey"] = "test-key",
            ["Llm:Providers:0:Model"] = "fake-model",
            ["Llm:Providers:0:TimeoutSeconds"] = "30",
        };
        var host = HostProcess.Start(new HostProcessOptions { Port = _port, DataDirectory = _dataDirectory.FullName, LogPath = logPath, Settings = settings });
        try
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using (var lesson = await client.PostAsJsonAsync("/api/lessons", new { subject = "english", topic = "irregular verbs", level = "beginner" }))
            {
                Assert.Equal(HttpStatusCode.Accepted, lesson.StatusCode);
                await UntilAsync(client, lesson.Headers.Location!.ToString(), s => s["runtimeStatus"]!.GetValue<string>() == "Completed", "the lesson is saved");
            }

            using var start = await client.PostAsync("/api/lessons/english/irregular%20verbs/practice?level=beginner", null);
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            var started = (await start.Content.ReadFromJsonAsync<JsonObject>())!;
            var sessionId = started["id"]!.GetValue<string>();
            var sessionUrl = started["sessionUrl"]!.GetValue<string>();
            await UntilAsync(client, sessionUrl, s => s["state"]!.GetValue<string>() == "waiting", "the session waits for the learner");

            using (var sent = await client.PostAsJsonAsync($"/api/practice/{Uri.EscapeDataString(sessionId)}/messages", new { messageId = "q-1", kind = "question", text = "Why are some verbs irregular?" }))
            {
                Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (model.TutorCalls("practice_answer") == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The tutor was never asked the question.");
                await Task.Delay(20);
            }

            await host.KillAsync();
            output.WriteLine($"Killed the host while the tutor was answering (calls so far: {model.TutorCalls("practice_answer")}).");
            host.Dispose();
            host = HostProcess.Start(new HostProcessOptions { Port = _port, DataDirectory = _dataDirectory.FullName, LogPath = logPath, Settings = settings });
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

            var session = await UntilAsync(client, sessionUrl, s => s["transcript"]!.AsArray().Count > 0 && s["state"]!.GetValue<string>() == "waiting", "the reply arrives after the restart");
            // A retry of the same message after the restart is acknowledged and not answered again.
            using (var retried = await client.PostAsJsonAsync($"/api/practice/{Uri.EscapeDataString(sessionId)}/messages", new { messageId = "q-1", kind = "question", text = "Why are some verbs irregular?" }))
            {
                Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            session = await UntilAsync(client, sessionUrl, s => s["state"]!.GetValue<string>() == "waiting", "the session waits again");
            var turn = Assert.Single(session["transcript"]!.AsArray())!;
            Assert.Equal("q-1", turn["messageId"]!.GetValue<string>());
            Assert.Equal("Irregular verbs have their own past forms.", turn["reply"]!["feedback"]!.GetValue<string>());
            Assert.True(model.TutorCalls("practice_answer") >= 2, "the answer cut off by the kill was asked for again after the restart");
        }
        catch
        {
            output.WriteLine(File.Exists(logPath) ? string.Join('\n', File.ReadLines(logPath).TakeLast(40)) : "no host log");
            throw;
        }
        finally
        {
            host.Dispose();
        }
    }

    private static async Task<JsonObject> UntilAsync(HttpClient client, string url, Func<JsonObject, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true
                    && await response.Content.ReadFromJsonAsync<JsonObject>() is { } body && condition(body))
                {
                    return body;
                }
            }
            catch (HttpRequestException)
            {
                // The host is starting.
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file the killed host held; the temp folder is cleaned by the OS.
        }
    }
}
