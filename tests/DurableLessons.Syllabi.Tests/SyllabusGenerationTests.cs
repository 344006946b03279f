namespace DurableLessons.Syllabi.Tests;

/// <summary>Planning a syllabus, reading it, and generating one of its lessons on demand.</summary>
public sealed class SyllabusGenerationTests
{
    [Fact]
    public async Task A_syllabus_is_planned_with_pending_lesson_skeletons_and_one_lesson_is_generated_on_demand()
    {
        await using var host = await SyllabusApi.StartHostAsync();

        using var accepted = await host.PostSyllabusAsync(new { topic = "Verbs", level = "beginner", goals = "talk about the past" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var status = await host.PollUntilDoneAsync(accepted.Headers.Location!);
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        var id = status["output"]!["id"]!.GetValue<string>();
        Assert.Equal($"/api/syllabi/{id}", status["output"]!["url"]!.GetValue<string>());

        var syllabus = await host.GetSyllabusAsync(id);
        Assert.Equal(id, syllabus["id"]!.GetValue<string>());
        Assert.Equal("verbs", syllabus["topic"]!.GetValue<string>());
        Assert.Equal("beginner", syllabus["level"]!.GetValue<string>());
        var lessons = SyllabusApi.Lessons(syllabus);
        Assert.True(lessons.Count >= 2, syllabus.ToJsonString());
        Assert.Equal(lessons.Count, status["output"]!["lessonCount"]!.GetValue<int>());
        Assert.Equal(lessons.Count, lessons.Select(l => l["title"]!.GetValue<string>().ToLowerInvariant()).Distinct().Count());
        Assert.All(lessons, lesson =>
        {
            Assert.Equal("pending", SyllabusApi.State(lesson));
            Assert.False(string.IsNullOrWhiteSpace(lesson["summary"]!.GetValue<string>()));
            Assert.NotEmpty(lesson["objectives"]!.AsArray());
            Assert.InRange(lesson["estimatedMinutes"]!.GetValue<int>(), 5, 240);
            Assert.Null(lesson["runId"]);
            Assert.Null(lesson["version"]);
        });

        var first = lessons[0]["id"]!.GetValue<string>();
        using var generate = await host.Client.PostAsync($"/api/syllabi/{id}/lessons/{first}/generate", null);
        Assert.Equal(HttpStatusCode.Accepted, generate.StatusCode);
        var runId = (await RunningHost.ReadObjectAsync(generate))["id"]!.GetValue<string>();
        var lessonStatus = await host.PollUntilDoneAsync(generate.Headers.Location!);
        Assert.Equal("Completed", lessonStatus["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("verbs", lessonStatus["output"]!["subject"]!.GetValue<string>());
        Assert.Equal(lessons[0]["title"]!.GetValue<string>().ToLowerInvariant(), lessonStatus["output"]!["topic"]!.GetValue<string>());

        var after = await host.GetSyllabusAsync(id);
        var done = SyllabusApi.Lesson(after, first);
        Assert.Equal("completed", SyllabusApi.State(done));
        Assert.Equal("1.0", done["version"]!.GetValue<string>());
        Assert.Equal(runId, done["runId"]!.GetValue<string>());
        Assert.All(SyllabusApi.Lessons(after).Where(l => l["id"]!.GetValue<string>() != first), l => Assert.Equal("pending", SyllabusApi.State(l)));

        using var lesson = await host.Client.GetAsync(lessonStatus["output"]!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
    }

    [Fact]
    public async Task A_failed_lesson_shows_failed_with_its_error_and_completed_after_a_rewind()
    {
        var author = new ControllableLessonAuthor();
        await using var host = await SyllabusApi.StartHostAsync(author);
        var id = await host.CreateSyllabusAsync("verbs", "intermediate");
        var target = SyllabusApi.Lessons(await host.GetSyllabusAsync(id))[0];
        var lessonId = target["id"]!.GetValue<string>();
        author.FailingTopics[target["title"]!.GetValue<string>().ToLowerInvariant()] = true;

        using var generate = await host.Client.PostAsync($"/api/syllabi/{id}/lessons/{lessonId}/generate", null);
        var payload = await RunningHost.ReadObjectAsync(generate);
        var failed = await host.PollUntilDoneAsync(generate.Headers.Location!);
        Assert.Equal("Failed", failed["runtimeStatus"]!.GetValue<string>());

        var lesson = SyllabusApi.Lesson(await host.GetSyllabusAsync(id), lessonId);
        Assert.Equal("failed", SyllabusApi.State(lesson));
        Assert.Contains("HTTP 500", lesson["error"]!.GetValue<string>(), StringComparison.Ordinal);

        author.FailingTopics.Clear();
        using var rewind = await host.Client.PostAsync(payload["rewindPostUri"]!.GetValue<string>(), null);
        Assert.True(rewind.IsSuccessStatusCode, $"rewind answered {(int)rewind.StatusCode}");
        var rewound = await host.PollUntilDoneAsync(generate.Headers.Location!);
        Assert.Equal("Completed", rewound["runtimeStatus"]!.GetValue<string>());

        lesson = SyllabusApi.Lesson(await host.GetSyllabusAsync(id), lessonId);
        Assert.Equal("completed", SyllabusApi.State(lesson));
        Assert.Equal("1.0", lesson["version"]!.GetValue<string>());
        Assert.Null(lesson["error"]);
    }
}
