using System.Globalization;
using Azure;
using Azure.Data.Tables;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Storage.Configuration;
using DurableLessons.Storage.TableStore;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Syllabi;

/// <summary>
/// Owners in the table {prefix}SyllabusOwners: partition "owner", one row per syllabus id; partition "owned~{owner}",
/// one row per syllabus of that learner, keyed newest first (inverted ticks), for the learner's list. A separate table,
/// so syllabi saved before owners existed read as they did.
/// </summary>
internal sealed class TableSyllabusOwners(TableServiceClient service, IOptions<StorageOptions> options) : ISyllabusOwners, IDisposable
{
    private const string OwnerPartition = "owner";
    private const string OwnedPrefix = "owned~";

    private readonly ProvisionedTable owners = new(service.GetTableClient(options.Value.Table.TablePrefix + "SyllabusOwners"));

    public async Task<SyllabusOwner> ClaimAsync(SyllabusOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var table = await owners.GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(Row(OwnerPartition, owner.SyllabusId, owner), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await GetAsync(owner.SyllabusId, cancellationToken) ?? owner;
        }

        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - owner.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await table.UpsertEntityAsync(Row(OwnedPrefix + owner.OwnerKey, $"{newestFirst}~{owner.SyllabusId}", owner), TableUpdateMode.Replace, cancellationToken);
        return owner;
    }

    public async Task<SyllabusOwner?> GetAsync(string syllabusId, CancellationToken cancellationToken)
    {
        var table = await owners.GetAsync(cancellationToken);
        var row = await table.FindAsync(OwnerPartition, syllabusId, null, cancellationToken);
        return row is null ? null : Read(row);
    }

    public async Task ShareAsync(string syllabusId, CancellationToken cancellationToken)
    {
        // Only the "owner" row says whether a syllabus is shared; the learner's list reads it from there.
        if (await GetAsync(syllabusId, cancellationToken) is { Shared: false } owner)
        {
            var table = await owners.GetAsync(cancellationToken);
            await table.UpsertEntityAsync(Row(OwnerPartition, syllabusId, owner with { Shared = true }), TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<SyllabusOwner>> ListAsync(string ownerKey, CancellationToken cancellationToken)
    {
        var table = await owners.GetAsync(cancellationToken);
        var listed = new List<SyllabusOwner>();
        await foreach (var row in table.QueryAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {OwnedPrefix + ownerKey}"), null, cancellationToken))
        {
            listed.Add(await GetAsync(Read(row).SyllabusId, cancellationToken) ?? Read(row));
        }

        return listed;
    }

    public void Dispose() => owners.Dispose();

    private static TableEntity Row(string partition, string rowKey, SyllabusOwner owner) => new(partition, rowKey)
    {
        ["SyllabusId"] = owner.SyllabusId,
        ["OwnerKey"] = owner.OwnerKey,
        ["Topic"] = owner.Topic,
        ["Level"] = (int)owner.Level,
        ["Shared"] = owner.Shared,
        ["CreatedAtTicks"] = owner.CreatedAt.UtcTicks,
    };

    private static SyllabusOwner Read(TableEntity row) => new(
        row.GetString("SyllabusId") ?? row.RowKey,
        row.GetString("OwnerKey") ?? string.Empty,
        row.GetString("Topic") ?? string.Empty,
        (LessonLevel)(row.GetInt32("Level") ?? 0),
        row.GetBoolean("Shared") ?? false,
        new DateTimeOffset(row.GetInt64("CreatedAtTicks") ?? 0, TimeSpan.Zero));
}
