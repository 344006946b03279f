namespace DurableLessons.Syllabi.Tests;

/// <summary>The difficulty switch: expert → advanced → intermediate → beginner.</summary>
public sealed class LowerDifficultyTests
{
    [Fact]
    public async Task Lowering_starts_a_run_for_the_level_below_and_then_answers_the_completed_syllabus()
    {
        await using var host = await SyllabusApi.StartHostAsync();
        var id = await host.CreateSyllabusAsync("modal verbs", "advanced");

        using var started = await host.Client.PostAsync($"/api/syllabi/{id}/lower-difficulty", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var joined = await host.Client.PostAsync($"/api/syllabi/{id}/lower-difficulty", null);
        Assert.Equal(HttpStatusCode.Accepted, joined.StatusCode);
        Assert.Equal(started.Headers.Location, joined.Headers.Location);

        var status = await host.PollUntilDoneAsync(started.Headers.Location!);
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("intermediate", status["output"]!["level"]!.GetValue<string>());
        var easierId = status["output"]!["id"]!.GetValue<string>();
        var easier = await host.GetSyllabusAsync(easierId);
        Assert.Equal("modal verbs", easier["topic"]!.GetValue<string>());
        Assert.Equal("intermediate", easier["level"]!.GetValue<string>());

        using var found = await host.Client.PostAsync($"/api/syllabi/{id}/lower-difficulty", null);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await RunningHost.ReadObjectAsync(found);
        Assert.Equal(easierId, body["id"]!.GetValue<string>());
        Assert.Equal($"/api/syllabi/{easierId}", body["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lowering_finds_an_existing_syllabus_one_level_lower_without_starting_anything()
    {
        await using var host = await SyllabusApi.StartHostAsync();
        var beginner = await host.CreateSyllabusAsync("fractions", "beginner");
        var intermediate = await host.CreateSyllabusAsync("Fractions ", "intermediate");

        using var response = await host.Client.PostAsync($"/api/syllabi/{intermediate}/lower-difficulty", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(beginner, (await RunningHost.ReadObjectAsync(response))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lowering_a_beginner_syllabus_is_a_409_problem()
    {
        await using var host = await SyllabusApi.StartHostAsync();
        var id = await host.CreateSyllabusAsync("fractions", "beginner");

        using var response = await host.Client.PostAsync($"/api/syllabi/{id}/lower-difficulty", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("beginner", (await RunningHost.ReadObjectAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
