using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using DurableLessons.Storage.Practice;
using DurableLessons.Storage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Storage.Tests;

/// <summary>What every <see cref="IPracticeStore"/> must do, on each provider. Each test gets fresh, empty storage.</summary>
public abstract class PracticeStoreContractTests : ProviderContractTests<IPracticeStore>
{
    private const string Session = "practice~anonymous~beginner~english~verbs~abc~1.0";
    private static readonly CancellationToken None = CancellationToken.None;

    protected override IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddPracticeStorage(configuration);

    private static PracticeTurn Turn(string messageId, string text = "an answer", string feedback = "Right.") =>
        new(messageId, PracticeMessageKind.Answer, "exercise-1", text,
            new PracticeReply(true, feedback, null, [new Citation(1, "Verbs", "corpus://english/verbs.md", "local")], "answer-key", 1),
            new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Turns_come_back_in_the_order_appended_and_an_unknown_session_is_empty()
    {
        foreach (var id in new[] { "m-3", "m-1", "m-2" })
        {
            await Store.AppendTurnAsync(Session, Turn(id), None);
            await Task.Delay(2);
        }

        Assert.Equal(["m-3", "m-1", "m-2"], (await Store.GetTranscriptAsync(Session, None)).Select(t => t.MessageId));
        Assert.Empty(await Store.GetTranscriptAsync("practice~nobody", None));
        Assert.Null(await Store.FindTurnAsync("practice~nobody", "m-1", None));
        Assert.Null(await Store.GetSummaryAsync("practice~nobody", None));
    }

    [Fact]
    public async Task A_message_id_is_stored_once_and_the_first_turn_wins()
    {
        var first = await Store.AppendTurnAsync(Session, Turn("m-1", "first"), None);
        var second = await Store.AppendTurnAsync(Session, Turn("m-1", "second"), None);

        Assert.Equal("first", first.Text);
        Assert.Equal("first", second.Text);
        Assert.Equal("first", Assert.Single(await Store.GetTranscriptAsync(Session, None)).Text);
        Assert.Equal("first", (await Store.FindTurnAsync(Session, "m-1", None))?.Text);
    }

    [Fact]
    public async Task Concurrent_appends_store_one_turn_per_message_id_and_lose_none()
    {
        var same = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.AppendTurnAsync(Session, Turn("dup", $"copy {i}"), None)));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.AppendTurnAsync(Session, Turn($"m-{i}"), None)));

        var transcript = await Store.GetTranscriptAsync(Session, None);
        Assert.Single(same.Select(t => t.Text).Distinct());
        Assert.Equal(9, transcript.Count);
        Assert.Single(transcript, t => t.MessageId == "dup");
    }

    [Fact]
    public async Task Long_answers_and_long_replies_round_trip()
    {
        var text = string.Concat(Enumerable.Repeat("é🙂x", 1_000))[..4_000];
        var feedback = new string('f', 100_000);

        await Store.AppendTurnAsync(Session, Turn("long", text, feedback), None);

        var stored = Assert.Single(await Store.GetTranscriptAsync(Session, None));
        Assert.Equal(text, stored.Text);
        Assert.Equal(feedback, stored.Reply.Feedback);
        Assert.Equal("Verbs", Assert.Single(stored.Reply.Citations).Title);
    }

    [Fact]
    public async Task The_inbox_keeps_accepted_messages_once_in_order()
    {
        await Store.AddMessageAsync(Session, new PracticeMessage("q-1", PracticeMessageKind.Question, null, "Why?"), None);
        await Task.Delay(2);
        await Store.AddMessageAsync(Session, new PracticeMessage("a-1", PracticeMessageKind.Answer, "quiz-1", "B"), None);
        await Store.AddMessageAsync(Session, new PracticeMessage("q-1", PracticeMessageKind.Question, null, "Again?"), None);

        var inbox = await Store.GetMessagesAsync(Session, None);
        Assert.Equal(["q-1", "a-1"], inbox.Select(m => m.MessageId));
        Assert.Equal("Why?", inbox[0].Text);
        Assert.Equal(PracticeMessageKind.Answer, inbox[1].Kind);
    }

    [Fact]
    public async Task A_summary_is_saved_replaced_and_deleted_with_the_session()
    {
        var lesson = new PracticeLessonRef("english", "verbs", LessonLevel.Beginner, "1.0");
        var summary = new PracticeSummary(Session, lesson, PracticeStates.Ended, new PracticeScore(1, 2, 5), [new PracticeTaskOutcome("exercise-1", true, 1, false)], 12.5, DateTimeOffset.UnixEpoch);
        await Store.AppendTurnAsync(Session, Turn("m-1"), None);
        await Store.AddMessageAsync(Session, new PracticeMessage("m-1", PracticeMessageKind.Answer, null, "x"), None);
        await Store.SaveSummaryAsync(summary, None);
        await Store.SaveSummaryAsync(summary with { State = PracticeStates.Completed }, None);

        var saved = await Store.GetSummaryAsync(Session, None);
        Assert.Equal(PracticeStates.Completed, saved?.State);
        Assert.Equal(new PracticeScore(1, 2, 5), saved?.Score);
        Assert.True(Assert.Single(saved!.PerTask).Correct);

        await Store.DeleteSessionAsync(Session, None);
        Assert.Empty(await Store.GetTranscriptAsync(Session, None));
        Assert.Empty(await Store.GetMessagesAsync(Session, None));
        Assert.Null(await Store.GetSummaryAsync(Session, None));
    }

    [Fact]
    public async Task Summaries_are_listed_by_learner_and_no_other_learners_come_with_them()
    {
        var lesson = new PracticeLessonRef("english", "verbs", LessonLevel.Beginner, "1.0");
        PracticeSummary Summary(string sessionId) =>
            new(sessionId, lesson, PracticeStates.Completed, new PracticeScore(2, 2, 2), [], 3, DateTimeOffset.UnixEpoch);
        string[] mine = ["practice~ann~beginner~english~verbs~abc~1.0", "practice~ann~beginner~english~verbs~abc~1.1"];
        string[] others = ["practice~ann-b~beginner~english~verbs~abc~1.0", "practice~an~beginner~english~verbs~abc~1.0", "practice~anne~x~1.0"];
        foreach (var id in mine.Concat(others))
        {
            await Store.SaveSummaryAsync(Summary(id), None);
        }

        var listed = await Store.ListSummariesAsync("practice~ann~", None);

        Assert.Equal(mine, listed.Select(summary => summary.SessionId).Order(StringComparer.Ordinal));
        Assert.Empty(await Store.ListSummariesAsync("practice~nobody~", None));
    }
}

public sealed class SqlitePracticeStoreContractTests : PracticeStoreContractTests
{
    private readonly TemporaryDataDirectory dataDirectory = new("practice");

    protected override IReadOnlyDictionary<string, string?> Settings => dataDirectory.Settings;

    protected override Task CleanUpAsync() => dataDirectory.DeleteAsync();
}

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TablePracticeStoreContractTests(AzuriteFixture azurite) : PracticeStoreContractTests
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = azurite.FreshTableSettings();
}
