using Azure;
using DurableLessons.Storage.Tables;
using DurableLessons.Storage.Tests.Infrastructure;

namespace DurableLessons.Storage.Tests;

/// <summary>The Table client against a real Azurite: keys, filters, paging, transactions and error mapping.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TableClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TableClient table = new TableServiceClient(azurite.ConnectionString).GetTableClient($"c{Guid.NewGuid():N}"[..24]);

    public async Task InitializeAsync() => Assert.True(await table.CreateIfNotExistsAsync(None));

    public async Task DisposeAsync() => await table.DeleteAsync(None);

    [Fact]
    public void Filter_values_are_typed_literals_with_quotes_doubled()
    {
        var at = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal(
            "PartitionKey eq 'o''brien'' or ''a''=''a' and N gt 5 and Big lt 7L and At lt datetime'2025-01-02T03:04:05.0000000Z' and Ok eq true",
            TableFilter.Create($"PartitionKey eq {"o'brien' or 'a'='a"} and N gt {5} and Big lt {7L} and At lt {at} and Ok eq {true}"));
    }

    [Fact]
    public async Task A_quote_in_a_filter_value_cannot_break_out_of_its_literal()
    {
        foreach (var rowKey in new[] { "o'brien", "plain", "x' or RowKey ne '" })
        {
            await table.AddEntityAsync(new TableEntity("p", rowKey) { ["Name"] = rowKey }, None);
        }

        var exact = await QueryAsync(TableFilter.Create($"PartitionKey eq {"p"} and RowKey eq {"o'brien"}"));
        Assert.Equal(["o'brien"], exact.Select(entity => entity.RowKey));

        var injected = await QueryAsync(TableFilter.Create($"PartitionKey eq {"p"} and RowKey eq {"nobody' or RowKey ne 'x"}"));
        Assert.Empty(injected);

        var literal = await QueryAsync(TableFilter.Create($"Name eq {"x' or RowKey ne '"}"));
        Assert.Equal(["x' or RowKey ne '"], literal.Select(entity => entity.RowKey));
    }

    [Fact]
    public async Task Keys_with_quotes_spaces_and_unicode_work_in_entity_urls()
    {
        const string PartitionKey = "it's a \"key\" with ünïcødé 😀 %20 +&=;,$@";
        const string RowKey = "row 'one' (1)";
        var etag = await table.AddEntityAsync(new TableEntity(PartitionKey, RowKey) { ["Value"] = "v1" }, None);

        var read = await table.GetEntityAsync(PartitionKey, RowKey, select: null, None);
        Assert.Equal((PartitionKey, RowKey, "v1"), (read?.PartitionKey, read?.RowKey, read?.GetString("Value")));

        await table.UpdateEntityAsync(new TableEntity(PartitionKey, RowKey) { ["Value"] = "v2" }, etag, TableUpdateMode.Replace, None);
        Assert.Equal("v2", (await table.GetEntityAsync(PartitionKey, RowKey, select: null, None))?.GetString("Value"));

        Assert.True(await table.DeleteEntityAsync(PartitionKey, RowKey, default, None));
        Assert.Null(await table.GetEntityAsync(PartitionKey, RowKey, select: null, None));
    }

    [Fact]
    public async Task Typed_properties_round_trip()
    {
        var at = new DateTimeOffset(2024, 2, 29, 23, 59, 58, 123, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.UpsertEntityAsync(
            new TableEntity("types", "all")
            {
                ["Text"] = "line\nbreak \"q\"",
                ["Int"] = -42,
                ["Long"] = 5_000_000_000L,
                ["Double"] = 2.5,
                ["Flag"] = true,
                ["At"] = at,
                ["Id"] = id,
                ["Bytes"] = new byte[] { 0, 1, 254, 255 },
            },
            TableUpdateMode.Replace,
            None);

        var read = await table.GetEntityAsync("types", "all", select: null, None);
        Assert.NotNull(read);
        Assert.Equal("line\nbreak \"q\"", read.GetString("Text"));
        Assert.Equal(-42, read["Int"]);
        Assert.Equal(5_000_000_000L, read["Long"]);
        Assert.Equal(2.5, read["Double"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(at, read["At"]);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read.GetBinary("Bytes"));
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task Queries_follow_continuation_tokens_across_pages()
    {
        await table.SubmitTransactionAsync(
            Enumerable.Range(0, 7).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("paged", $"r{i}") { ["N"] = i })).ToList(),
            None);
        await table.AddEntityAsync(new TableEntity("other", "r0"), None);

        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(TableFilter.Create($"PartitionKey eq {"paged"}"), ["RowKey", "N"], pageSize: 2, None))
        {
            rows.Add(row);
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"r{i}"), rows.Select(row => row.RowKey));
        Assert.Equal(Enumerable.Range(0, 7), rows.Select(row => row.GetInt32("N") ?? -1));
    }

    [Fact]
    public async Task A_transaction_commits_all_actions_or_none()
    {
        await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("tx", "a") { ["V"] = 1 }),
                new(TableTransactionActionType.Add, new TableEntity("tx", "b") { ["V"] = 1 }),
            ],
            None);

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("tx", "c")),
                new(TableTransactionActionType.UpsertReplace, new TableEntity("tx", "b") { ["V"] = 2 }),
                new(TableTransactionActionType.Add, new TableEntity("tx", "a")),
            ],
            None));

        Assert.Equal(2, conflict.FailedActionIndex);
        Assert.Equal("EntityAlreadyExists", conflict.ErrorCode);
        Assert.Null(await table.GetEntityAsync("tx", "c", select: null, None));
        Assert.Equal(1, (await table.GetEntityAsync("tx", "b", select: null, None))?.GetInt32("V"));
    }

    [Fact]
    public async Task Stale_ETags_fail_with_precondition_failed_alone_and_in_transactions()
    {
        var first = await table.AddEntityAsync(new TableEntity("etag", "e") { ["V"] = 1 }, None);
        var second = await table.UpdateEntityAsync(new TableEntity("etag", "e") { ["V"] = 2 }, first, TableUpdateMode.Merge, None);
        Assert.NotEqual(first, second);

        var single = await Assert.ThrowsAsync<TablePreconditionFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("etag", "e") { ["V"] = 3 }, first, TableUpdateMode.Replace, None));
        Assert.Equal(412, single.Status);

        var inTransaction = await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("etag", "other")),
                new(TableTransactionActionType.UpdateReplace, new TableEntity("etag", "e") { ["V"] = 3 }, first),
            ],
            None));
        Assert.Equal(1, inTransaction.FailedActionIndex);
        Assert.Equal(2, (await table.GetEntityAsync("etag", "e", select: null, None))?.GetInt32("V"));
        Assert.Null(await table.GetEntityAsync("etag", "other", select: null, None));
    }

    [Fact]
    public async Task Missing_entities_and_tables_are_reported_clearly()
    {
        Assert.Null(await table.GetEntityAsync("missing", "missing", select: null, None));
        Assert.False(await table.DeleteEntityAsync("missing", "missing", default, None));
        Assert.False(await table.CreateIfNotExistsAsync(None));

        var update = await Assert.ThrowsAsync<TableResourceNotFoundException>(
            () => table.UpdateEntityAsync(new TableEntity("missing", "missing"), ETag.All, TableUpdateMode.Replace, None));
        Assert.Equal(404, update.Status);

        var insert = await table.AddEntityAsync(new TableEntity("dup", "dup"), None);
        Assert.NotEqual(default, insert);
        var duplicate = await Assert.ThrowsAsync<TableConflictException>(() => table.AddEntityAsync(new TableEntity("dup", "dup"), None));
        Assert.Contains("dup", duplicate.Message, StringComparison.Ordinal);

        var missingTable = new TableServiceClient(azurite.ConnectionString).GetTableClient("NoSuchTable" + Guid.NewGuid().ToString("N")[..8]);
        var query = await Assert.ThrowsAsync<TableResourceNotFoundException>(async () =>
        {
            await foreach (var unused in missingTable.QueryAsync(filter: null, select: null, pageSize: null, None))
            {
            }
        });
        Assert.Equal("TableNotFound", query.ErrorCode);
        await Assert.ThrowsAsync<TableResourceNotFoundException>(() => missingTable.GetEntityAsync("p", "r", select: null, None));
    }

    [Fact]
    public async Task Requests_signed_with_a_wrong_account_key_are_rejected()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={wrongKey};TableEndpoint={azurite.TableEndpoint}";
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var forged = new TableServiceClient(connectionString, options).GetTableClient(table.Name);

        var error = await Assert.ThrowsAsync<TableStorageException>(() => forged.GetEntityAsync("p", "r", select: null, None));
        Assert.Equal(403, error.Status);
    }

    private async Task<List<TableEntity>> QueryAsync(string filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(filter, select: null, pageSize: null, None))
        {
            rows.Add(row);
        }

        return rows;
    }
}
