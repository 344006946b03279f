namespace DurableLessons.Syllabi.Tests;

/// <summary>Generating every pending lesson of a syllabus in one batch.</summary>
public sealed class SyllabusBatchTests
{
    private const int Cap = 2;

    [Fact]
    public async Task A_batch_generates_every_pending_lesson_within_the_cap_and_reports_the_one_that_failed()
    {
        var author = new ControllableLessonAuthor();
        await using var host = await SyllabusApi.StartHostAsync(author, new Dictionary<string, string> { ["Syllabi:BatchConcurrency"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var id = await host.CreateSyllabusAsync("verbs", "beginner");
        var lessons = SyllabusApi.Lessons(await host.GetSyllabusAsync(id));
        Assert.True(lessons.Count > Cap, $"the syllabus needs more than {Cap} lessons for this test; it has {lessons.Count}");
        var doomed = lessons[1];
        author.FailingTopics[doomed["title"]!.GetValue<string>().ToLowerInvariant()] = true;

        using var accepted = await host.Client.PostAsync($"/api/syllabi/{id}/generate", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var again = await host.Client.PostAsync($"/api/syllabi/{id}/generate", null);
        Assert.Equal(
            (await RunningHost.ReadObjectAsync(accepted))["id"]!.GetValue<string>(),
            (await RunningHost.ReadObjectAsync(again))["id"]!.GetValue<string>());

        var status = await host.PollUntilDoneAsync(accepted.Headers.Location!, TimeSpan.FromSeconds(120));
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        var output = status["output"]!.AsObject();
        Assert.Equal(lessons.Count, output["lessonsTotal"]!.GetValue<int>());
        Assert.Equal(lessons.Count - 1, output["lessonsCompleted"]!.GetValue<int>());
        var failure = Assert.Single(output["failures"]!.AsArray())!;
        Assert.Equal(doomed["id"]!.GetValue<string>(), failure["lessonId"]!.GetValue<string>());
        Assert.Contains("HTTP 500", failure["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var progress = status["customStatus"]!.AsObject();
        Assert.Equal(lessons.Count, progress["lessonsDone"]!.GetValue<int>());
        Assert.Equal(lessons.Count, progress["lessonsTotal"]!.GetValue<int>());

        Assert.InRange(author.MaxLessonsAtOnce, 1, Cap);

        var after = SyllabusApi.Lessons(await host.GetSyllabusAsync(id));
        foreach (var lesson in after)
        {
            var expected = lesson["id"]!.GetValue<string>() == doomed["id"]!.GetValue<string>() ? "failed" : "completed";
            Assert.Equal(expected, SyllabusApi.State(lesson));
        }
    }

    [Fact]
    public async Task A_batch_skips_lessons_that_are_already_completed()
    {
        await using var host = await SyllabusApi.StartHostAsync();
        var id = await host.CreateSyllabusAsync("fractions", "beginner");
        var lessons = SyllabusApi.Lessons(await host.GetSyllabusAsync(id));
        var first = lessons[0]["id"]!.GetValue<string>();
        using (var single = await host.Client.PostAsync($"/api/syllabi/{id}/lessons/{first}/generate", null))
        {
            await host.PollUntilDoneAsync(single.Headers.Location!);
        }

        using var batch = await host.Client.PostAsync($"/api/syllabi/{id}/generate", null);
        var status = await host.PollUntilDoneAsync(batch.Headers.Location!, TimeSpan.FromSeconds(120));

        Assert.Equal(lessons.Count - 1, status["output"]!["lessonsTotal"]!.GetValue<int>());
        var after = await host.GetSyllabusAsync(id);
        Assert.All(SyllabusApi.Lessons(after), l => Assert.Equal("completed", SyllabusApi.State(l)));
        Assert.Equal("1.0", SyllabusApi.Lesson(after, first)["version"]!.GetValue<string>());
    }
}
