using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DurableLessons.Lessons.Tests;

/// <summary>Every mistake a client can make on /api/lessons is a 4xx problem+json naming the field, and starts nothing.</summary>
public sealed class LessonRequestValidationTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"topic":"verbs","level":"beginner"}""", "subject" },
        { """{"subject":"   ","topic":"verbs","level":"beginner"}""", "subject" },
        { """{"subject":"english","level":"beginner"}""", "topic" },
        { $$"""{"subject":"{{new string('a', 101)}}","topic":"verbs","level":"beginner"}""", "subject" },
        { """{"subject":"english","topic":"verbs"}""", "level" },
        { """{"subject":"english","topic":"verbs","level":"hard"}""", "level" },
        { """{"subject":"english","topic":"verbs","level":"beginner","sources":["local","nope"]}""", "sources[1]" },
        { """{"subject":"english","topic":"verbs","level":"beginner","sources":["wikipedia"]}""", "sources[0]" },
        { """{"subject":"english","topic":"verbs","level":"beginner","language":"english please"}""", "language" },
        { """{"subject":5,"topic":"verbs","level":"beginner"}""", "subject" },
        { """{"subject":"english","topic":"verbs","level":"beginner","sources":"local"}""", "sources" },
        { """{"subject":"english","topic":"verbs",""", "body" },
        { "null", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_body_is_a_400_problem_naming_the_field(string body, string field)
    {
        using var response = await _host.Client.PostAsync("/api/lessons", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task A_body_over_64_KB_is_413()
    {
        var body = $$"""{"subject":"english","topic":"verbs","level":"beginner","userId":"{{new string('x', 70_000)}}"}""";
        using var response = await _host.Client.PostAsync("/api/lessons", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        await AssertNothingStartedAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_body_that_is_not_json_by_content_type_is_415(string contentType)
    {
        using var content = new StringContent("""{"subject":"english","topic":"verbs","level":"beginner"}""");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var response = await _host.Client.PostAsync("/api/lessons", content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task Curl_default_form_content_type_with_a_json_body_is_accepted_as_the_readme_shows()
    {
        using var content = new StringContent("""{"subject":"english","topic":"verbs","level":"beginner"}""", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _host.Client.PostAsync("/api/lessons", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/lessons/english/verbs", "level")]
    [InlineData("/api/lessons/english/verbs?level=impossible", "level")]
    [InlineData("/api/lessons/english/verbs/versions/latest?level=beginner", "version")]
    [InlineData("/api/lessons/english/verbs/versions/1.0.0?level=beginner", "version")]
    public async Task Bad_lesson_reads_are_400_naming_the_parameter(string url, string field)
    {
        using var response = await _host.Client.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/lessons/english/never-generated?level=beginner")]
    [InlineData("/api/lessons/english/never-generated/versions?level=beginner")]
    [InlineData("/api/lessons/english/never-generated/versions/1.0?level=beginner")]
    public async Task Reading_a_lesson_that_does_not_exist_is_404_problem(string url)
    {
        using var response = await _host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        var named = problem["errors"]?.AsObject().ContainsKey(field) == true
            || (problem["detail"]?.GetValue<string>() ?? string.Empty).Contains(field, StringComparison.Ordinal);
        Assert.True(named, $"The problem does not name '{field}': {text}");
    }

    private async Task AssertNothingStartedAsync()
    {
        using var runs = await _host.Client.GetAsync("/runtime/webhooks/durabletask/instances");
        Assert.Empty(JsonNode.Parse(await runs.Content.ReadAsStringAsync())!.AsArray());
    }
}
