using DurableLessons.Testing.Models;

namespace DurableLessons.Syllabi.Tests;

/// <summary>The syllabus step on configured model providers (a fake chat-completions server), with the lesson chain's fallback.</summary>
public sealed class ModelSyllabusTests
{
    private static object Plan(params string[] titles) => new
    {
        modules = new[]
        {
            new
            {
                title = "Getting started",
                lessons = titles.Select(title => new { title, summary = $"About {title}.", objectives = new[] { $"Use {title}" }, estimatedMinutes = 20 }).ToArray(),
            },
        },
    };

    private static Task<RunningHost> StartAsync(ScriptedChatServer first, ScriptedChatServer second) => RunningHost.StartAsync(new Dictionary<string, string>
    {
        ["Llm:Providers:0:Name"] = "primary",
        ["Llm:Providers:0:Endpoint"] = first.Endpoint,
        ["Llm:Providers:0:ApiKey"] = "test-key-1",
        ["Llm:Providers:0:Model"] = "model-a",
        ["Llm:Providers:1:Name"] = "backup",
        ["Llm:Providers:1:Endpoint"] = second.Endpoint,
        ["Llm:Providers:1:ApiKey"] = "test-key-2",
        ["Llm:Providers:1:Model"] = "model-b",
    });

    [Fact]
    public async Task A_failing_provider_falls_back_to_the_next_and_the_plan_follows_the_strict_schema()
    {
        await using var primary = await ScriptedChatServer.StartAsync();
        await using var backup = await ScriptedChatServer.StartAsync();
        primary.Enqueue(ChatReply.Error(500));
        backup.Enqueue(ChatReply.Json(Plan("Equivalent fractions", "Adding fractions")));
        await using var host = await StartAsync(primary, backup);

        var id = await host.CreateSyllabusAsync("fractions", "beginner");

        var syllabus = await host.GetSyllabusAsync(id);
        Assert.Equal("backup/model-b", syllabus["generator"]!.GetValue<string>());
        Assert.Equal(["Equivalent fractions", "Adding fractions"], SyllabusApi.Lessons(syllabus).Select(l => l["title"]!.GetValue<string>()));
        var request = Assert.Single(backup.Requests);
        var format = request.Body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Contains("fractions", request.Message("system"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_with_duplicate_lesson_titles_is_invalid_output_and_fails_the_run_with_each_providers_reason()
    {
        await using var primary = await ScriptedChatServer.StartAsync();
        await using var backup = await ScriptedChatServer.StartAsync();
        // The activity retries the step, so every attempt gets the same bad plans.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            primary.Enqueue(ChatReply.Json(Plan("Same title", "same  TITLE")));
            backup.Enqueue(ChatReply.Json(Plan("Same title", "Same title")));
        }

        await using var host = await StartAsync(primary, backup);

        using var response = await host.PostSyllabusAsync(new { topic = "fractions", level = "beginner" });
        var status = await host.PollUntilDoneAsync(response.Headers.Location!);

        Assert.Equal("Failed", status["runtimeStatus"]!.GetValue<string>());
        var reason = status["output"]!.ToString();
        Assert.Contains("primary", reason, StringComparison.Ordinal);
        Assert.Contains("backup", reason, StringComparison.Ordinal);
        Assert.True(reason.Contains("used twice", StringComparison.Ordinal), reason);
    }
}
