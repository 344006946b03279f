using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Storage;
using DurableLessons.StorageOutage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.StorageOutage.Tests;

/// <summary>
/// The same lost answer for a lesson too large for one property (several content chunks in the transaction), against
/// the Table store directly: the retry must return the committed version and the content must read back whole.
/// </summary>
public sealed class LostChunkedSaveResponseTests
{
    [Fact]
    public async Task A_multi_chunk_save_whose_response_is_lost_is_one_version_whose_content_reads_back_whole()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var proxy = await ResponseDroppingProxy.StartAsync(azurite.TablePort);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Table",
            ["Storage:Table:ConnectionString"] = azurite.ConnectionStringVia(tablePort: proxy.Port),
            ["Storage:Table:TablePrefix"] = $"Chunked{Guid.NewGuid():N}"[..20],
        }).Build();
        await using var services = new ServiceCollection().AddLessonStorage(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<ILessonStore>();
        var key = new LessonKey("history", "the printing press", LessonLevel.Advanced);
        var document = LargeLesson(bodyCharacters: 100_000);

        var saved = await store.SaveNewVersionAsync(key, "run-a", document, CancellationToken.None);
        var retried = await store.SaveNewVersionAsync(key, "run-a", document, CancellationToken.None);
        var next = await store.SaveNewVersionAsync(key, "run-b", document, CancellationToken.None);

        Assert.Equal(2, proxy.DroppedResponses);
        Assert.Equal(("1.0", "1.0", "1.1"), (saved.Version, retried.Version, next.Version));
        Assert.Equal(["run-a", "run-b"], (await store.ListVersionsAsync(key, CancellationToken.None)).Select(v => v.RunId));
        var readBack = await store.GetVersionAsync(key, "1.0", CancellationToken.None);
        Assert.Equal(document.Sections.Single().Body, readBack!.Document.Sections.Single().Body);
    }

    private static LessonDocument LargeLesson(int bodyCharacters)
    {
        var body = string.Concat(Enumerable.Range(0, (bodyCharacters / 10) + 1).Select(i => $"w{i:D7}é "))[..bodyCharacters];
        return new LessonDocument(
            "The printing press",
            "How movable type changed Europe.",
            ["Explain movable type"],
            [new LessonSection("Movable type", body, [1])],
            [new Exercise("Who built the first press in Mainz?", "Gutenberg")],
            [new QuizQuestion("When?", ["c. 1440", "c. 1640"], 0, "Mid-15th century.")],
            [new Citation(1, "Printing press", "https://example.org/press", "local")],
            [],
            "offline",
            ModelUsage.None);
    }
}
