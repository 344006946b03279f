using System.Text.Json.Nodes;

namespace DurableLessons.Spa.Tests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_document_describes_every_api_route_with_its_schemas_and_problem_answers()
    {
        await using var host = await RunningHost.StartAsync();

        var document = JsonNode.Parse(await host.Client.GetStringAsync("openapi/v1.json"))!.AsObject();

        var paths = document["paths"]!.AsObject();
        Assert.Subset(
            paths.Select(path => path.Key).ToHashSet(),
            new HashSet<string> { "/api/lessons", "/api/lessons/{subject}/{topic}", "/api/lessons/{subject}/{topic}/versions", "/api/lessons/{subject}/{topic}/versions/{version}", "/api/runs/{instanceId}/events" });
        Assert.All(paths, path => Assert.StartsWith("/api/", path.Key, StringComparison.Ordinal));
        var start = paths["/api/lessons"]!["post"]!;
        Assert.NotNull(start["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(start["responses"]!["202"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(start["responses"]!["400"]!["content"]!["application/problem+json"]);
        var latest = paths["/api/lessons/{subject}/{topic}"]!["get"]!;
        Assert.NotNull(latest["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(latest["responses"]!["404"]!["content"]!["application/problem+json"]);
        Assert.Contains(latest["parameters"]!.AsArray(), parameter => (string?)parameter!["name"] == "level");
        var events = paths["/api/runs/{instanceId}/events"]!["get"]!;
        Assert.NotNull(events["responses"]!["200"]!["content"]!["text/event-stream"]);
        Assert.NotNull(events["responses"]!["404"]!["content"]!["application/problem+json"]);
        Assert.True(document["components"]!["schemas"]!.AsObject().ContainsKey("LessonVersion"));
    }

    [Theory]
    [InlineData("/api/lessons")]
    [InlineData("/api/syllabi")]
    [InlineData("/api/practice/{sessionId}/messages")]
    public async Task Every_route_that_reads_a_json_body_describes_it_and_its_400_413_and_415_problems(string path)
    {
        await using var host = await RunningHost.StartAsync();

        var document = JsonNode.Parse(await host.Client.GetStringAsync("openapi/v1.json"))!.AsObject();

        var post = document["paths"]![path]!["post"]!;
        Assert.NotNull(post["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(post["responses"]!["202"]!["content"]!["application/json"]!["schema"]);
        foreach (var status in new[] { "400", "413", "415" })
        {
            Assert.NotNull(post["responses"]![status]!["content"]!["application/problem+json"]);
        }

        Assert.DoesNotContain(post["parameters"]?.AsArray() ?? [], parameter => (string?)parameter!["in"] is not ("path" or "query"));
    }
}
