namespace DurableLessons.Syllabi.Tests;

/// <summary>Mistakes are answered as problem+json naming the field; unknown ids are 404.</summary>
public sealed class SyllabusValidationTests : IAsyncLifetime
{
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await SyllabusApi.StartHostAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("""{"level":"beginner"}""", "topic")]
    [InlineData("""{"topic":"verbs"}""", "level")]
    [InlineData("""{"topic":"verbs","level":"wizard"}""", "level")]
    [InlineData("""{"topic":"verbs","level":"beginner","language":"not a tag"}""", "language")]
    [InlineData("""{"topic":"verbs","level":"beginner","goals":7}""", "goals")]
    public async Task An_invalid_syllabus_request_is_a_400_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/api/syllabi", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await RunningHost.ReadObjectAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task Goals_longer_than_the_limit_are_refused()
    {
        using var response = await host.PostSyllabusAsync(new { topic = "verbs", level = "beginner", goals = new string('g', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await RunningHost.ReadObjectAsync(response))["errors"]!["goals"]);
    }

    [Theory]
    [InlineData("GET", "/api/syllabi/nosuchsyllabus")]
    [InlineData("POST", "/api/syllabi/nosuchsyllabus/generate")]
    [InlineData("POST", "/api/syllabi/nosuchsyllabus/lower-difficulty")]
    [InlineData("POST", "/api/syllabi/nosuchsyllabus/lessons/m1-l1/generate")]
    public async Task An_unknown_syllabus_is_a_404_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_lesson_of_a_known_syllabus_is_a_404_and_a_malformed_one_a_400()
    {
        var id = await host.CreateSyllabusAsync("fractions", "beginner");

        using var unknown = await host.Client.PostAsync($"/api/syllabi/{id}/lessons/m99-l1/generate", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var malformed = await host.Client.PostAsync($"/api/syllabi/{id}/lessons/{new string('x', 30)}/generate", null);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.NotNull((await RunningHost.ReadObjectAsync(malformed))["errors"]!["lessonId"]);
    }
}
