using Azure.Data.Tables;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Storage.Configuration;
using DurableLessons.Storage.TableStore;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Syllabi;

/// <summary>
/// Syllabi in the table {prefix}Syllabi: partition "syllabus", one row per id holding the JSON document in chunked
/// properties (Table strings are capped at 32 Ki chars); partition "latest", one row per topic and level naming the
/// newest syllabus, replaced only by a newer one.
/// </summary>
internal sealed class TableSyllabusStore(TableServiceClient service, IOptions<StorageOptions> options) : ISyllabusStore, IDisposable
{
    private const string DocumentPartition = "syllabus";
    private const string LatestPartition = "latest";
    private const string Document = nameof(Document);
    private const string SyllabusId = nameof(SyllabusId);
    private const string CreatedAtTicks = nameof(CreatedAtTicks);

    private readonly ProvisionedTable syllabi = new(service.GetTableClient(options.Value.Table.TablePrefix + "Syllabi"));

    public async Task SaveAsync(SyllabusDocument syllabus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(syllabus);
        var table = await syllabi.GetAsync(cancellationToken);
        var row = new TableEntity(DocumentPartition, syllabus.Id);
        TextChunks.Write(row, Document, SyllabusJson.Serialize(syllabus));
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);

        var latestKey = SyllabusJson.TopicLevelKey(syllabus.Topic, syllabus.Level);
        var current = await table.FindAsync(LatestPartition, latestKey, select: null, cancellationToken);
        if (current is null || (current.GetInt64(CreatedAtTicks) ?? 0) <= syllabus.CreatedAt.UtcTicks)
        {
            var latest = new TableEntity(LatestPartition, latestKey) { [SyllabusId] = syllabus.Id, [CreatedAtTicks] = syllabus.CreatedAt.UtcTicks };
            await table.UpsertEntityAsync(latest, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<SyllabusDocument?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var table = await syllabi.GetAsync(cancellationToken);
        var row = await table.FindAsync(DocumentPartition, id, select: null, cancellationToken);
        return row is null ? null : SyllabusJson.Deserialize(TextChunks.Read(row, Document, $"Syllabus '{id}'"));
    }

    public async Task<SyllabusDocument?> FindLatestAsync(string topic, LessonLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var table = await syllabi.GetAsync(cancellationToken);
        var latest = await table.FindAsync(LatestPartition, SyllabusJson.TopicLevelKey(topic, level), select: null, cancellationToken);
        return latest?.GetString(SyllabusId) is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    public void Dispose() => syllabi.Dispose();
}
