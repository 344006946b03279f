using System.Net.Http.Json;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Storage;
using DurableLessons.Testing.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Practice.Tests;

/// <summary>Practice over HTTP against the real embedded host with its offline defaults.</summary>
public sealed class PracticeHttpTests
{
    private static async Task<RunningHost> HostWithLessonAsync(Dictionary<string, string>? settings = null)
    {
        var host = await RunningHost.StartAsync(settings);
        using var lesson = await host.PostLessonAsync("english", "verbs", "beginner");
        var status = await host.PollUntilDoneAsync(lesson.Headers.Location!);
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        return host;
    }

    private static async Task<IReadOnlyList<PracticeTask>> TasksAsync(RunningHost host)
    {
        var lesson = await host.Services.GetRequiredService<ILessonStore>()
            .GetLatestAsync(new LessonKey("english", "verbs", LessonLevel.Beginner), CancellationToken.None);
        return PracticeTaskList.From(lesson!.Document);
    }

    private static async Task<JsonObject> StartAsync(RunningHost host, string query = "level=beginner")
    {
        using var response = await host.Client.PostAsync($"/api/lessons/english/verbs/practice?{query}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await RunningHost.ReadObjectAsync(response);
        Assert.Equal(new Uri(started["statusQueryGetUri"]!.GetValue<string>()), response.Headers.Location);
        return started;
    }

    private static Task<HttpResponseMessage> SendAsync(RunningHost host, string sessionId, object message) =>
        host.Client.PostAsJsonAsync($"/api/practice/{Uri.EscapeDataString(sessionId)}/messages", message);

    private static async Task<JsonObject> WaitForAsync(RunningHost host, string sessionUrl, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            using var response = await host.Client.GetAsync(sessionUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var session = await RunningHost.ReadObjectAsync(response);
            if (condition(session))
            {
                return session;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The session did not reach the awaited state: {session.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    private static bool Waiting(JsonObject session, int turns) =>
        session["state"]!.GetValue<string>() == PracticeStates.Waiting && session["transcript"]!.AsArray().Count >= turns;

    [Fact]
    public async Task A_learner_starts_practice_answers_and_asks_and_sees_each_reply_in_the_transcript()
    {
        await using var host = await HostWithLessonAsync();
        var tasks = await TasksAsync(host);

        var started = await StartAsync(host);
        var again = await StartAsync(host, "level=beginner&version=1.0");
        var sessionId = started["id"]!.GetValue<string>();
        var sessionUrl = started["sessionUrl"]!.GetValue<string>();
        Assert.Equal(sessionId, again["id"]!.GetValue<string>());

        var first = await WaitForAsync(host, sessionUrl, s => Waiting(s, 0));
        Assert.Equal(tasks[0].Id, first["activeTask"]!["id"]!.GetValue<string>());
        Assert.Equal("gapFill", first["activeTask"]!["kind"]!.GetValue<string>());
        Assert.Equal("beginner", first["lesson"]!["level"]!.GetValue<string>());
        Assert.Null(first["activeTask"]!["answerKey"]);

        using var wrong = await SendAsync(host, sessionId, new { messageId = "a-1", kind = "answer", taskId = tasks[0].Id, text = "no idea" });
        Assert.Equal(HttpStatusCode.Accepted, wrong.StatusCode);
        Assert.Equal("a-1", (await RunningHost.ReadObjectAsync(wrong))["messageId"]!.GetValue<string>());
        var afterWrong = await WaitForAsync(host, sessionUrl, s => Waiting(s, 1));
        var hint = afterWrong["transcript"]![0]!["reply"]!["hint"]!.GetValue<string>();
        Assert.DoesNotContain(tasks[0].AnswerKey, afterWrong["activeTask"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(tasks[0].AnswerKey, hint, StringComparison.OrdinalIgnoreCase);

        using var right = await SendAsync(host, sessionId, new { messageId = "a-2", kind = "answer", text = tasks[0].AnswerKey });
        using var retried = await SendAsync(host, sessionId, new { messageId = "a-2", kind = "answer", text = tasks[0].AnswerKey });
        using var question = await SendAsync(host, sessionId, new { messageId = "q-1", kind = "question", text = "How is the past tense of a regular verb formed?" });
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var session = await WaitForAsync(host, sessionUrl, s => Waiting(s, 3));

        var transcript = session["transcript"]!.AsArray();
        Assert.Equal(["a-1", "a-2", "q-1"], transcript.Select(t => t!["messageId"]!.GetValue<string>()));
        Assert.Equal(["answer", "answer", "question"], transcript.Select(t => t!["kind"]!.GetValue<string>()));
        Assert.True(transcript[1]!["reply"]!["correct"]!.GetValue<bool>());
        Assert.NotEmpty(transcript[2]!["reply"]!["citations"]!.AsArray());
        Assert.Equal(tasks[1].Id, session["activeTask"]!["id"]!.GetValue<string>());
        Assert.Equal(1, session["score"]!["correct"]!.GetValue<int>());

        using var end = await SendAsync(host, sessionId, new { messageId = "end-1", kind = "end" });
        var ended = await WaitForAsync(host, sessionUrl, s => s["runtimeStatus"]!.GetValue<string>() == "Completed");
        Assert.Equal(PracticeStates.Ended, ended["state"]!.GetValue<string>());
        Assert.Equal(1, ended["summary"]!["score"]!["correct"]!.GetValue<int>());
        using var late = await SendAsync(host, sessionId, new { messageId = "late", kind = "question", text = "Still there?" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task A_message_the_models_content_filter_refuses_is_answered_as_refused_and_the_session_goes_on()
    {
        await using var model = await FakeLessonModel.StartAsync(seed: 17, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
        model.TutorDelay = TimeSpan.Zero;
        await using var host = await HostWithLessonAsync(new Dictionary<string, string>
        {
            ["Llm:Providers:0:Name"] = "fake",
            ["Llm:Providers:0:Endpoint"] = model.Endpoint,
            ["Llm:Providers:0:ApiKey"] = "test-key",
            ["Llm:Providers:0:Model"] = "fake-model",
        });
        var tasks = await TasksAsync(host);
        var started = await StartAsync(host);
        var sessionId = started["id"]!.GetValue<string>();
        var sessionUrl = started["sessionUrl"]!.GetValue<string>();
        await WaitForAsync(host, sessionUrl, s => Waiting(s, 0));

        model.RefuseTutoring = true;
        using var refusedAnswer = await SendAsync(host, sessionId, new { messageId = "a-1", kind = "answer", text = "something the filter flags" });
        using var refusedQuestion = await SendAsync(host, sessionId, new { messageId = "q-1", kind = "question", text = "something else it flags" });
        var afterRefusals = await WaitForAsync(host, sessionUrl, s => Waiting(s, 2));

        var transcript = afterRefusals["transcript"]!.AsArray();
        Assert.All(transcript, turn =>
        {
            Assert.Equal("content-filter", turn!["reply"]!["generator"]!.GetValue<string>());
            Assert.Contains("rephrase", turn["reply"]!["feedback"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Null(turn["reply"]!["correct"]);
        });
        Assert.Equal(tasks[0].Id, afterRefusals["activeTask"]!["id"]!.GetValue<string>());
        Assert.Equal(0, afterRefusals["activeTask"]!["attempt"]!.GetValue<int>());
        // One call each: a refused prompt is not sent again.
        Assert.Equal(1, model.TutorCalls("practice_grade"));
        Assert.Equal(1, model.TutorCalls("practice_answer"));

        model.RefuseTutoring = false;
        using var rephrased = await SendAsync(host, sessionId, new { messageId = "a-2", kind = "answer", text = tasks[0].AnswerKey });
        var graded = await WaitForAsync(host, sessionUrl, s => Waiting(s, 3));
        Assert.True(graded["transcript"]![2]!["reply"]!["correct"]!.GetValue<bool>());
        Assert.Equal(1, graded["score"]!["correct"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_starts_and_bad_messages_get_a_problem_naming_the_field()
    {
        await using var host = await HostWithLessonAsync();
        using var noLesson = await host.Client.PostAsync("/api/lessons/english/unheard-of/practice?level=beginner", null);
        using var noVersion = await host.Client.PostAsync("/api/lessons/english/verbs/practice?level=beginner&version=9.9", null);
        using var badLevel = await host.Client.PostAsync("/api/lessons/english/verbs/practice?level=guru", null);
        using var badLearner = await host.Client.PostAsync("/api/lessons/english/verbs/practice?level=beginner&learnerId=a%00b", null);
        Assert.Equal(HttpStatusCode.NotFound, noLesson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
        await AssertProblemAsync(badLevel, "level");
        await AssertProblemAsync(badLearner, "learnerId");

        var sessionId = (await StartAsync(host))["id"]!.GetValue<string>();
        await AssertProblemAsync(await SendAsync(host, sessionId, new { kind = "answer", text = "x" }), "messageId");
        await AssertProblemAsync(await SendAsync(host, sessionId, new { messageId = "bad id!", kind = "answer", text = "x" }), "messageId");
        await AssertProblemAsync(await SendAsync(host, sessionId, new { messageId = "m", kind = "shout", text = "x" }), "kind");
        await AssertProblemAsync(await SendAsync(host, sessionId, new { messageId = "m", kind = "answer", text = "" }), "text");
        await AssertProblemAsync(await SendAsync(host, sessionId, new { messageId = "m", kind = "answer", text = new string('a', 4_001) }), "text");
        await AssertProblemAsync(await SendAsync(host, sessionId, new { messageId = "m", kind = "answer", text = "a\u0007b" }), "text");
        await AssertProblemAsync(await SendAsync(host, sessionId, new { messageId = "m", kind = "answer", taskId = "quiz-999", text = "x" }), "taskId");
        using var tooLarge = await SendAsync(host, sessionId, new { messageId = "m", kind = "answer", text = new string('a', 40_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        using var unknown = await SendAsync(host, "practice~nobody~x~1.0", new { messageId = "m", kind = "answer", text = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var notASession = await host.Client.GetAsync("/api/practice/lesson~beginner~english~verbs");
        Assert.Equal(HttpStatusCode.NotFound, notASession.StatusCode);
    }

    [Fact]
    public async Task A_session_left_idle_expires_with_its_summary()
    {
        await using var host = await HostWithLessonAsync(new() { ["Practice:IdleTimeoutMinutes"] = "0.05" });

        var sessionUrl = (await StartAsync(host))["sessionUrl"]!.GetValue<string>();
        var ended = await WaitForAsync(host, sessionUrl, s => s["runtimeStatus"]!.GetValue<string>() == "Completed");

        Assert.Equal(PracticeStates.Expired, ended["state"]!.GetValue<string>());
        Assert.Equal(PracticeStates.Expired, ended["summary"]!["state"]!.GetValue<string>());
        Assert.Null(ended["activeTask"]);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await RunningHost.ReadObjectAsync(response);
            Assert.NotNull(problem["errors"]![field]);
        }
    }
}
