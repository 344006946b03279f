using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Bench.Engine;

internal static class ClientPages
{
    /// <summary>The first page of <paramref name="query"/> (at most its page size).</summary>
    public static async Task<Page<OrchestrationMetadata>> QueryPageAsync(this DurableTaskClient client, OrchestrationQuery query, CancellationToken cancellationToken)
    {
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            return page;
        }

        return new Page<OrchestrationMetadata>([], null);
    }
}
