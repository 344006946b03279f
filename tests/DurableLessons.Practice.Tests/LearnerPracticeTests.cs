using System.Net.Http.Json;
using DurableLessons.Testing.Auth;

namespace DurableLessons.Practice.Tests;

/// <summary>With sign-in on, a practice session and its transcript belong to the learner of the token that started it.</summary>
public sealed class LearnerPracticeTests : IssuerTests
{
    private static async Task<JsonObject> StartAsync(HttpClient client, string query = "level=beginner")
    {
        using var response = await client.PostAsync($"/api/lessons/english/verbs/practice?{query}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await RunningHost.ReadObjectAsync(response);
    }

    private static async Task<JsonObject> WaitForStateAsync(HttpClient client, string sessionUrl, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            using var response = await client.GetAsync(sessionUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var session = await RunningHost.ReadObjectAsync(response);
            if (session["state"]!.GetValue<string>() == state)
            {
                return session;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The session did not reach '{state}': {session.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonObject> ProgressAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/me/progress");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RunningHost.ReadObjectAsync(response);
    }

    [Fact]
    public async Task Learner_B_gets_404_for_learner_As_session_and_each_sees_only_their_own_progress()
    {
        await using var host = await RunningHost.StartAsync(Issuer.HostSettings(Audience));
        using (var lesson = await host.PostLessonAsync("english", "verbs", "beginner"))
        {
            Assert.Equal("Completed", (await host.PollUntilDoneAsync(lesson.Headers.Location!))["runtimeStatus"]!.GetValue<string>());
        }

        using var a = host.SignedIn(Issuer.CreateToken("learner-a", Audience, objectId: "0f7d7a43-0000-4000-8000-00000000000a"));
        using var b = host.SignedIn(Issuer.CreateToken("learner-b", Audience));

        var started = await StartAsync(a);
        var sessionId = started["id"]!.GetValue<string>();
        var sessionUrl = started["sessionUrl"]!.GetValue<string>();
        Assert.StartsWith("practice~0f7d7a43-0000-4000-8000-00000000000a~", sessionId, StringComparison.Ordinal);
        await WaitForStateAsync(a, sessionUrl, "waiting");

        using (var peek = await b.GetAsync(sessionUrl))
        {
            Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
            Assert.Equal("application/problem+json", peek.Content.Headers.ContentType?.MediaType);
        }

        using (var meddle = await b.PostAsJsonAsync($"/api/practice/{Uri.EscapeDataString(sessionId)}/messages", new { messageId = "b-1", kind = "end", text = "" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, meddle.StatusCode);
        }

        using (var anonymous = await host.Client.GetAsync(sessionUrl))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        // Nor through the generic run routes: the session's event stream, and the listing of every run.
        var events = $"/api/runs/{Uri.EscapeDataString(sessionId)}/events";
        using (var theirStream = await b.GetAsync(events, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.NotFound, theirStream.StatusCode);
        }

        using (var ownStream = await a.GetAsync(events, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, ownStream.StatusCode);
            Assert.Equal("text/event-stream", ownStream.Content.Headers.ContentType?.MediaType);
        }

        using (var listing = await b.GetAsync("/api/runs"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, listing.StatusCode);
        }

        // A signed-in learner cannot act for another by naming them.
        var impostor = await StartAsync(b, "level=beginner&learnerId=0f7d7a43-0000-4000-8000-00000000000a");
        Assert.NotEqual(sessionId, impostor["id"]!.GetValue<string>());
        Assert.StartsWith("practice~learner-b~", impostor["id"]!.GetValue<string>(), StringComparison.Ordinal);

        using (var end = await a.PostAsJsonAsync($"/api/practice/{Uri.EscapeDataString(sessionId)}/messages", new { messageId = "a-end", kind = "end", text = "" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, end.StatusCode);
        }

        var ended = await WaitForStateAsync(a, sessionUrl, "ended");
        Assert.Equal("Completed", ended["runtimeStatus"]!.GetValue<string>());

        var mine = await ProgressAsync(a);
        var lesson1 = Assert.Single(mine["lessons"]!.AsArray())!;
        Assert.Equal("english", lesson1["subject"]!.GetValue<string>());
        Assert.Equal("beginner", lesson1["level"]!.GetValue<string>());
        Assert.Equal(1, lesson1["endedSessions"]!.GetValue<int>());
        Assert.Equal(0, lesson1["completedSessions"]!.GetValue<int>());
        Assert.NotNull(lesson1["lastScore"]);
        Assert.NotNull(mine["lastActivity"]);

        var theirs = await ProgressAsync(b);
        var bLesson = Assert.Single(theirs["lessons"]!.AsArray())!;
        Assert.Equal(0, bLesson["endedSessions"]!.GetValue<int>());
        Assert.NotNull(bLesson["activeSessionUrl"]);
    }

    [Fact]
    public async Task With_sign_in_on_a_system_key_caller_still_acts_for_the_learner_it_names_and_anyone_else_is_401()
    {
        const string SystemKey = "practice-test-system-key-0123456789";
        var settings = Issuer.HostSettings(Audience);
        settings["Security:SystemKey"] = SystemKey;
        await using var host = await RunningHost.StartAsync(settings);
        using (var lesson = await host.SignedIn(Issuer.CreateToken("learner-a", Audience)).PostAsJsonAsync(
            "/api/lessons", new { subject = "english", topic = "verbs", level = "beginner" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, lesson.StatusCode);
            var run = await RunningHost.ReadObjectAsync(lesson);
            Assert.Equal("Completed", (await host.PollUntilDoneAsync(new Uri(run["statusQueryGetUri"]!.GetValue<string>())))["runtimeStatus"]!.GetValue<string>());
        }

        using (var anonymous = await host.Client.PostAsync("/api/lessons/english/verbs/practice?level=beginner&learnerId=learner-a", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }

        using var service = new HttpRequestMessage(HttpMethod.Post, "/api/lessons/english/verbs/practice?level=beginner&learnerId=learner-a");
        service.Headers.Add("x-functions-key", SystemKey);
        using var started = await host.Client.SendAsync(service);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var session = await RunningHost.ReadObjectAsync(started);
        Assert.StartsWith("practice~learner-a~", session["id"]!.GetValue<string>(), StringComparison.Ordinal);

        using var owner = host.SignedIn(Issuer.CreateToken("learner-a", Audience));
        using var other = host.SignedIn(Issuer.CreateToken("learner-b", Audience));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(session["sessionUrl"]!.GetValue<string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(session["sessionUrl"]!.GetValue<string>())).StatusCode);
    }
}
