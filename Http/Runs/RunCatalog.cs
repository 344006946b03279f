using System.Runtime.CompilerServices;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Runs;

/// <summary>Every run matching a filter, paged through the Durable client's query.</summary>
public static class RunCatalog
{
    private const int StorePageSize = 200;

    public static async IAsyncEnumerable<OrchestrationMetadata> MatchingAsync(
        DurableTaskClient client, RunFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(filter);
        var pages = client.GetAllInstancesAsync(filter.ToQuery(StorePageSize)).AsPages(pageSizeHint: StorePageSize);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var run in page.Values.Where(filter.Matches))
            {
                yield return run;
            }
        }
    }
}
