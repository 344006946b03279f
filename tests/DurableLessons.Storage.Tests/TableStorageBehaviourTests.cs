using System.Security.Cryptography;
using Azure.Data.Tables;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Storage.TableStore;
using DurableLessons.Storage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Storage.Tests;

/// <summary>What the Table provider adds to the SDK, against a real Azurite: row layout, transaction rules, refusals.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TableStorageBehaviourTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly LessonKey Chemistry = new("Chemistry", "Acids", LessonLevel.Beginner);

    private readonly string tablePrefix = $"b{Guid.NewGuid():N}"[..20];
    private readonly TableServiceClient service = new(azurite.ConnectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var suffix in new[] { "Lessons", "LessonIndex", "Artifacts", "Scratch" })
        {
            await service.GetTableClient(tablePrefix + suffix).DeleteAsync(None);
        }
    }

    [Fact]
    public async Task Lessons_in_the_existing_row_layout_stay_readable_and_get_the_next_version()
    {
        // Rows as the earlier hand-written client stored version 1.0 of a lesson, its content in two chunks.
        var createdAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var json = SampleLessons.Json(SampleLessons.Document("Acids", bodyCharacters: 40_000));
        var chunks = TextChunks.Split(json);
        Assert.True(chunks.Count > 1);
        var lessons = service.GetTableClient(tablePrefix + "Lessons");
        await lessons.CreateIfNotExistsAsync(None);
        var storageId = Chemistry.StorageId;
        var version = InfoRow(storageId, "v~0000000000", createdAt);
        version["ChunkCount"] = chunks.Count;
        version["Content"] = chunks[0];
        var pointer = InfoRow(storageId, "latest", createdAt);
        var marker = new TableEntity(storageId, "run~" + Convert.ToHexStringLower(SHA256.HashData("old-run"u8))) { ["RunId"] = "old-run", ["Minor"] = 0 };
        var rows = chunks.Skip(1).Select((chunk, index) => new TableEntity(storageId, $"c~0000000000~{index + 1:D4}") { ["Content"] = chunk })
            .Prepend(version).Append(marker).Append(pointer);
        await lessons.SubmitTransactionAsync(rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), None);

        await using var services = Services(azurite.ConnectionString);
        var store = services.GetRequiredService<ILessonStore>();

        var latest = await store.GetLatestAsync(Chemistry, None);
        Assert.Equal(("1.0", "old-run", createdAt), (latest?.Version, latest?.RunId, latest?.CreatedAt));
        Assert.Equal(json, SampleLessons.Json(latest?.Document));
        Assert.Equal("1.0", (await store.SaveNewVersionAsync(Chemistry, "old-run", SampleLessons.Document("Again"), None)).Version);
        Assert.Equal("1.1", (await store.SaveNewVersionAsync(Chemistry, "new-run", SampleLessons.Document("Newer"), None)).Version);
        Assert.Equal(["1.0", "1.1"], (await store.ListVersionsAsync(Chemistry, None)).Select(info => info.Version));
    }

    [Fact]
    public async Task A_transaction_across_partitions_is_refused_before_anything_is_sent()
    {
        var scratch = service.GetTableClient(tablePrefix + "Scratch");
        await scratch.CreateIfNotExistsAsync(None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TableTransactions.SubmitAsync(
            scratch,
            [
                new(TableTransactionActionType.Add, new TableEntity("one", "a")),
                new(TableTransactionActionType.Add, new TableEntity("two", "b")),
            ],
            None));

        Assert.Contains("one partition", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scratch.QueryAsync<TableEntity>(maxPerPage: null, cancellationToken: None).ToListAsync());
    }

    [Fact]
    public async Task A_wrong_account_key_fails_at_once_with_an_error_naming_the_setting_and_not_the_key()
    {
        var wrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 64).ToArray());
        var connectionString = azurite.ConnectionString.Replace(AzuriteAccount.Development.Key, wrongKey, StringComparison.Ordinal);
        await using var services = Services(connectionString);

        var error = await Assert.ThrowsAsync<TableStorageRefusedException>(
            () => services.GetRequiredService<ILessonStore>().GetLatestAsync(Chemistry, None));

        Assert.Equal(403, error.Status);
        Assert.Contains("Storage:Table:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("403 AuthorizationFailure", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Services(string connectionString) => StoreContractTests.BuildServices(
        new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Table",
            ["Storage:Table:ConnectionString"] = connectionString,
            ["Storage:Table:TablePrefix"] = tablePrefix,
        },
        TimeProvider.System);

    private static TableEntity InfoRow(string storageId, string rowKey, DateTimeOffset createdAt) => new(storageId, rowKey)
    {
        ["Minor"] = 0,
        ["Subject"] = Chemistry.Subject,
        ["Topic"] = Chemistry.Topic,
        ["Level"] = Chemistry.Level.ToWire(),
        ["RunId"] = "old-run",
        ["CreatedAt"] = createdAt,
        ["Title"] = "Acids",
        ["Generator"] = "test-generator",
    };
}
