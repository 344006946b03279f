using System.Net;
using System.Net.Sockets;
using DurableLessons.Llm.Tests.Fakes;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Testing.Logging;
using DurableLessons.Testing.Models;
using static DurableLessons.Llm.Tests.LessonSamples;

namespace DurableLessons.Llm.Tests;

/// <summary>Providers are tried in order; each kind of failure moves on to the next one.</summary>
public sealed class ProviderFallbackTests : IAsyncLifetime
{
    private const string PrimaryKey = "sk-primary-secret-abc";
    private const string BackupKey = "sk-backup-secret-xyz";
    private ScriptedChatServer primary = null!;
    private ScriptedChatServer backup = null!;

    public async Task InitializeAsync()
    {
        primary = await ScriptedChatServer.StartAsync();
        backup = await ScriptedChatServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await primary.DisposeAsync();
        await backup.DisposeAsync();
    }

    [Fact]
    public async Task Server_error_falls_back_to_the_second_provider()
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Error(500));
        backup.Enqueue(ChatReply.Json(Outline, 400, 120));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Equal(Outline.Title, result.Value.Title);
        Assert.Equal(new ModelUsage(1, 400, 120), result.Usage);
        Assert.Single(primary.Requests);
        var warning = Assert.Single(logs.Warnings);
        Assert.Contains("primary", warning, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_with_a_long_retry_after_falls_back_at_once()
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Error(429, ("Retry-After", "120")));
        backup.Enqueue(ChatReply.Json(new { exercises = Exercises }));

        var result = await author.WriteExercisesAsync(Brief(), Outline, Sections, CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Single(primary.Requests);
        Assert.Contains(logs.Warnings, w => w.Contains("HTTP 429", StringComparison.Ordinal) && w.Contains("Retry-After 120 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rate_limit_with_a_short_retry_after_is_retried_once_on_the_same_provider()
    {
        var (author, _) = CreateAuthor();
        primary.Enqueue(ChatReply.Error(429, ("retry-after-ms", "50")), ChatReply.Json(new { questions = Quiz }, 200, 60));

        var result = await author.WriteQuizAsync(Brief(), Outline, Sections, CancellationToken.None);

        Assert.Equal("primary/model-a", result.Generator);
        Assert.Equal(2, primary.Requests.Count);
        Assert.Empty(backup.Requests);
        Assert.Equal(new ModelUsage(1, 200, 60), result.Usage);
    }

    [Fact]
    public async Task Rate_limit_again_after_waiting_once_falls_back()
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Error(429, ("Retry-After", "0")), ChatReply.Error(429, ("Retry-After", "0")));
        backup.Enqueue(ChatReply.Json(new { questions = Quiz }));

        var result = await author.WriteQuizAsync(Brief(), Outline, Sections, CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Equal(2, primary.Requests.Count);
        Assert.Contains(logs.Warnings, w => w.Contains("rate limited again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeout_falls_back_to_the_second_provider()
    {
        var (author, logs) = CreateAuthor(primaryTimeoutSeconds: 1);
        primary.Enqueue(ChatReply.After(TimeSpan.FromSeconds(20), ChatReply.Json(Outline)));
        backup.Enqueue(ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Contains(logs.Warnings, w => w.Contains("primary", StringComparison.Ordinal) && w.Contains("timed out after 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Network_error_falls_back_to_the_second_provider()
    {
        var (author, logs) = CreateAuthor(primaryEndpoint: $"http://127.0.0.1:{ClosedPort()}/v1");
        backup.Enqueue(ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Contains(logs.Warnings, w => w.Contains("network error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Truncated_json_falls_back_and_the_wasted_call_still_counts_in_usage()
    {
        var (author, logs) = CreateAuthor();
        var full = Json(Outline);
        primary.Enqueue(ChatReply.Completion(full[..(full.Length / 2)], 500, 4096, finishReason: "stop"));
        backup.Enqueue(ChatReply.Json(Outline, 450, 130));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Equal(new ModelUsage(2, 950, 4226), result.Usage);
        Assert.Contains(logs.Warnings, w => w.Contains("invalid output", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>", "text/html", "unreadable response")]
    [InlineData("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choi", "application/json", "unreadable response")]
    [InlineData("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}", "application/json", "no usable choice")]
    public async Task Success_status_with_an_unreadable_body_falls_back(string body, string contentType, string reason)
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Raw(body, contentType));
        backup.Enqueue(ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Contains(logs.Warnings, w => w.Contains("primary", StringComparison.Ordinal) && w.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_cut_off_at_the_token_limit_falls_back()
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Completion("{\"title\":\"Verbs\",\"summ", 500, 16, finishReason: "length"));
        backup.Enqueue(ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Contains(logs.Warnings, w => w.Contains("cut off at the token limit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"title\":\"Verbs\",\"summary\":\"About verbs.\",\"objectives\":\"learn verbs\",\"sections\":[]}", "does not match the schema")]
    [InlineData("{\"title\":\"Verbs\",\"objectives\":[\"Learn\"],\"sections\":[{\"heading\":\"Past\",\"keyPoints\":[\"went\"]}]}", "does not match the schema")]
    [InlineData("{\"title\":\"Verbs\",\"summary\":\"About verbs.\",\"objectives\":[\"Learn\"],\"sections\":[]}", "sections has 0 entries")]
    [InlineData("{\"title\":\" \",\"summary\":\"About verbs.\",\"objectives\":[\"Learn\"],\"sections\":[{\"heading\":\"Past\",\"keyPoints\":[\"went\"]}]}", "title is empty")]
    public async Task Schema_invalid_outline_falls_back(string reply, string reason)
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Completion(reply));
        backup.Enqueue(ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Contains(logs.Warnings, w => w.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sections_citing_notes_that_do_not_exist_fall_back()
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Json(new { sections = new[] { Sections[0], Sections[1] with { CitationIds = [3, 9] } } }));
        backup.Enqueue(ChatReply.Json(new { sections = Sections }));

        var result = await author.WriteSectionsAsync(Brief(), Outline, Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.All(result.Value, s => Assert.All(s.CitationIds, id => Assert.InRange(id, 1, Notes.Length)));
        Assert.Contains(logs.Warnings, w => w.Contains("citationIds contains 9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quiz_answer_outside_the_choices_falls_back()
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Json(new { questions = new[] { Quiz[0] with { AnswerIndex = 3 } } }));
        backup.Enqueue(ChatReply.Json(new { questions = Quiz }));

        var result = await author.WriteQuizAsync(Brief(), Outline, Sections, CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Contains(logs.Warnings, w => w.Contains("answerIndex is 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_that_cites_a_missing_note_falls_back()
    {
        var (author, _) = CreateAuthor();
        var invented = Draft with { Sections = [Sections[0] with { CitationIds = [1, 42] }, Sections[1]] };
        primary.Enqueue(ChatReply.Json(new { draft = invented, changes = Array.Empty<string>() }));
        backup.Enqueue(ChatReply.Json(new { draft = Draft, changes = Array.Empty<string>() }));

        var result = await author.ReviewAsync(Brief(), Draft, Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Empty(result.Value.Notes);
    }

    [Fact]
    public async Task When_every_provider_fails_the_exception_lists_each_reason()
    {
        await using var third = await ScriptedChatServer.StartAsync();
        var (author, _, _) = AuthorFactory.Create(
            new ProviderConfig("primary", primary.Endpoint, "model-a", PrimaryKey),
            new ProviderConfig("backup", backup.Endpoint, "model-b", BackupKey),
            new ProviderConfig("third", third.AzureEndpoint, "model-c", "k3"));
        primary.Enqueue(ChatReply.Error(503));
        backup.Enqueue(ChatReply.Completion("Sure! Here is a lesson about verbs."));
        third.Enqueue(ChatReply.Error(429));

        var error = await Assert.ThrowsAsync<AllProvidersFailedException>(() => author.OutlineAsync(Brief(), Research(), CancellationToken.None));

        Assert.Contains("primary: HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Contains("backup: invalid output: the reply is not a JSON object", error.Message, StringComparison.Ordinal);
        Assert.Contains("third: HTTP 429 (rate limited, no Retry-After)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_name_the_provider_and_reason_but_never_the_api_key()
    {
        var (author, logs) = CreateAuthor();
        primary.Enqueue(ChatReply.Error(500));
        backup.Enqueue(ChatReply.Error(502));

        await Assert.ThrowsAsync<AllProvidersFailedException>(() => author.OutlineAsync(Brief(), Research(), CancellationToken.None));

        Assert.Equal(2, logs.Warnings.Count());
        Assert.Contains(logs.Warnings, w => w.Contains("primary", StringComparison.Ordinal) && w.Contains("HTTP 500", StringComparison.Ordinal) && w.Contains("trying provider backup", StringComparison.Ordinal));
        Assert.Contains(logs.Warnings, w => w.Contains("backup", StringComparison.Ordinal) && w.Contains("HTTP 502", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.MessageWithException.Contains(PrimaryKey, StringComparison.Ordinal) || e.MessageWithException.Contains(BackupKey, StringComparison.Ordinal));
    }

    private (ILessonAuthor Author, CapturedLogs Logs) CreateAuthor(int? primaryTimeoutSeconds = null, string? primaryEndpoint = null)
    {
        var (author, logs, _) = AuthorFactory.Create(
            new ProviderConfig("primary", primaryEndpoint ?? primary.Endpoint, "model-a", PrimaryKey, primaryTimeoutSeconds),
            new ProviderConfig("backup", backup.Endpoint, "model-b", BackupKey));
        return (author, logs);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
