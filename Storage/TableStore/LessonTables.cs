using Azure.Data.Tables;
using DurableLessons.Storage.Configuration;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.TableStore;

/// <summary>The three tables of the Table provider, named from Storage:Table:TablePrefix and created on first use.</summary>
internal sealed class LessonTables(TableServiceClient service, IOptions<StorageOptions> options) : IDisposable
{
    private readonly ProvisionedTable lessons = new(service.GetTableClient(options.Value.Table.TablePrefix + "Lessons"));
    private readonly ProvisionedTable index = new(service.GetTableClient(options.Value.Table.TablePrefix + "LessonIndex"));
    private readonly ProvisionedTable artifacts = new(service.GetTableClient(options.Value.Table.TablePrefix + "Artifacts"));

    /// <summary>One partition per lesson (its storage id): versions, content chunks, run markers, the latest pointer.</summary>
    public ValueTask<TableClient> LessonsAsync(CancellationToken cancellationToken) => lessons.GetAsync(cancellationToken);

    /// <summary>One row per lesson with its latest version's number and time, for stale listings.</summary>
    public ValueTask<TableClient> IndexAsync(CancellationToken cancellationToken) => index.GetAsync(cancellationToken);

    /// <summary>One partition per artifact key: its content chunks.</summary>
    public ValueTask<TableClient> ArtifactsAsync(CancellationToken cancellationToken) => artifacts.GetAsync(cancellationToken);

    public void Dispose()
    {
        lessons.Dispose();
        index.Dispose();
        artifacts.Dispose();
    }
}
