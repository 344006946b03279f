using Azure.Data.Tables;
using DurableLessons.Shared.Lessons;
using DurableLessons.Storage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;

namespace DurableLessons.Storage.Tests;

/// <summary>The contract suite against a real Azurite, each test on its own set of tables.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TableStoreContractTests(AzuriteFixture azurite) : StoreContractTests
{
    private readonly string tablePrefix = $"t{Guid.NewGuid():N}"[..20];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Table",
        ["Storage:Table:ConnectionString"] = azurite.ConnectionString,
        ["Storage:Table:TablePrefix"] = tablePrefix,
    };

    [Fact]
    public async Task Stale_listing_trusts_the_lessons_own_latest_version_over_a_lagging_index()
    {
        var stale = new LessonKey("Physics", "Optics", LessonLevel.Beginner);
        var fresh = new LessonKey("Physics", "Waves", LessonLevel.Beginner);
        await Lessons.SaveNewVersionAsync(stale, "stale-1", SampleLessons.Document("Optics"), None);
        await Lessons.SaveNewVersionAsync(fresh, "fresh-1", SampleLessons.Document("Waves"), None);
        Time.Advance(TimeSpan.FromDays(30));
        var cutoff = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(1));
        await Lessons.SaveNewVersionAsync(fresh, "fresh-2", SampleLessons.Document("Waves 2"), None);

        // As if saves had crashed between committing a version and updating the index.
        var index = new TableServiceClient(azurite.ConnectionString).GetTableClient(tablePrefix + "LessonIndex");
        foreach (var key in new[] { stale, fresh })
        {
            var lagging = new TableEntity("lessons", key.StorageId) { ["LatestMinor"] = -1, ["LatestCreatedAt"] = new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero) };
            await index.UpsertEntityAsync(lagging, TableUpdateMode.Replace, None);
        }

        var listed = Assert.Single(await Lessons.ListStaleAsync(cutoff, None));
        Assert.Equal(("optics", "1.0"), (listed.Topic, listed.Version));
        var repaired = await index.GetEntityAsync<TableEntity>("lessons", fresh.StorageId, select: null, None);
        Assert.Equal(1, repaired.Value.GetInt32("LatestMinor"));
    }

    protected override async Task CleanUpAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        foreach (var suffix in new[] { "Lessons", "LessonIndex", "Artifacts" })
        {
            await service.GetTableClient(tablePrefix + suffix).DeleteAsync(None);
        }
    }
}
