using System.Text.Json;
using DurableLessons.Llm.Model;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Testing.Models;
using static DurableLessons.Llm.Tests.LessonSamples;

namespace DurableLessons.Llm.Tests;

/// <summary>Every step against a real HTTP chat-completions server, through the OpenAI client.</summary>
public sealed class ModelLessonAuthorStepTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-step-key-123";
    private ScriptedChatServer server = null!;
    private ILessonAuthor author = null!;

    public async Task InitializeAsync()
    {
        server = await ScriptedChatServer.StartAsync();
        author = AuthorFactory.Create(new ProviderConfig("primary", server.Endpoint, "gpt-test", ApiKey)).Author;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public void Configured_providers_give_the_model_author()
    {
        var model = Assert.IsType<ModelLessonAuthor>(author);
        Assert.Equal(["primary/gpt-test"], model.Generators);
    }

    [Fact]
    public async Task Outline_step_returns_the_parsed_outline_with_its_usage_and_generator()
    {
        server.Enqueue(ChatReply.Json(Outline, promptTokens: 812, completionTokens: 143));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal(Json(Outline), Json(result.Value));
        Assert.Equal(new ModelUsage(1, 812, 143), result.Usage);
        Assert.Equal("primary/gpt-test", result.Generator);
    }

    [Fact]
    public async Task Sections_step_returns_sections_citing_existing_notes()
    {
        server.Enqueue(ChatReply.Json(new { sections = Sections }, 1000, 400));

        var result = await author.WriteSectionsAsync(Brief(), Outline, Research(), CancellationToken.None);

        Assert.Equal(Json(Sections), Json(result.Value));
        Assert.Equal(new ModelUsage(1, 1000, 400), result.Usage);
    }

    [Fact]
    public async Task Exercises_step_returns_the_exercises()
    {
        server.Enqueue(ChatReply.Json(new { exercises = Exercises }, 300, 90));

        var result = await author.WriteExercisesAsync(Brief(), Outline, Sections, CancellationToken.None);

        Assert.Equal(Json(Exercises), Json(result.Value));
        Assert.Equal(new ModelUsage(1, 300, 90), result.Usage);
    }

    [Fact]
    public async Task Quiz_step_returns_the_questions()
    {
        server.Enqueue(ChatReply.Json(new { questions = Quiz }, 310, 120));

        var result = await author.WriteQuizAsync(Brief(), Outline, Sections, CancellationToken.None);

        Assert.Equal(Json(Quiz), Json(result.Value));
        Assert.Equal(new ModelUsage(1, 310, 120), result.Usage);
    }

    [Fact]
    public async Task Review_step_returns_the_corrected_draft_and_what_changed()
    {
        var corrected = Draft with { Sections = [Sections[0], Sections[1] with { Body = "Modal verbs take the base form without *to* [3]." }] };
        var changes = new[] { "Removed the unsupported claim that modal verbs express ability from “Modal verbs”." };
        server.Enqueue(ChatReply.Json(new { draft = corrected, changes }, 1500, 700));

        var result = await author.ReviewAsync(Brief(), Draft, Research(), CancellationToken.None);

        Assert.Equal(Json(corrected), Json(result.Value.Draft));
        Assert.Equal(changes, result.Value.Notes);
        Assert.Equal(new ModelUsage(1, 1500, 700), result.Usage);
    }

    [Fact]
    public async Task Request_carries_the_model_the_key_and_a_strict_json_schema_response_format()
    {
        server.Enqueue(ChatReply.Json(new { sections = Sections }));

        await author.WriteSectionsAsync(Brief(), Outline, Research(), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        Assert.Equal("gpt-test", request.Body.GetProperty("model").GetString());
        var format = request.Body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var schema = format.GetProperty("json_schema");
        Assert.Equal("lesson_sections", schema.GetProperty("name").GetString());
        Assert.True(schema.GetProperty("strict").GetBoolean());
        var root = schema.GetProperty("schema");
        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        var section = root.GetProperty("properties").GetProperty("sections").GetProperty("items");
        Assert.Equal(["heading", "body", "citationIds"], section.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("integer", section.GetProperty("properties").GetProperty("citationIds").GetProperty("items").GetProperty("type").GetString());
    }

    [Fact]
    public async Task System_prompt_states_task_level_and_language_and_the_user_message_numbers_the_notes()
    {
        server.Enqueue(ChatReply.Json(Outline));

        await author.OutlineAsync(Brief("intermediate") with { Language = "Spanish" }, Research(), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        var system = request.Message("system");
        Assert.Contains("Plan the lesson", system, StringComparison.Ordinal);
        Assert.Contains("\"intermediate\" learners", system, StringComparison.Ordinal);
        Assert.Contains("in the language \"Spanish\"", system, StringComparison.Ordinal);
        var user = request.Message("user");
        for (var id = 1; id <= Notes.Length; id++)
        {
            Assert.Contains($"\n[{id}] {{\"title\":", user, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Azure_v1_endpoint_is_called_on_its_openai_v1_path()
    {
        await using var azure = await ScriptedChatServer.StartAsync();
        var azureAuthor = AuthorFactory.Create(new ProviderConfig("azure", azure.AzureEndpoint, "my-gpt-deployment", "azure-key-456")).Author;
        azure.Enqueue(ChatReply.Json(new { exercises = Exercises }));

        var result = await azureAuthor.WriteExercisesAsync(Brief(), Outline, Sections, CancellationToken.None);

        Assert.Equal("azure/my-gpt-deployment", result.Generator);
        var request = Assert.Single(azure.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("Bearer azure-key-456", request.Header("Authorization"));
        Assert.Equal("my-gpt-deployment", request.Body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_treated_as_a_provider_failure()
    {
        server.Enqueue(ChatReply.After(TimeSpan.FromSeconds(30), ChatReply.Json(Outline)));
        using var cancellation = new CancellationTokenSource();
        var call = author.OutlineAsync(Brief(), Research(), cancellation.Token);
        while (server.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, ChatReply.Web);
}
