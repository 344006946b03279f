using System.Runtime.CompilerServices;
using DurableLessons.Shared.Workflow;

namespace DurableLessons.Http.Admin;

/// <summary>Every run matching a filter, paged through the workflow client's query.</summary>
public sealed class RunCatalog(IWorkflowClient client)
{
    private const int StorePageSize = 200;

    public async IAsyncEnumerable<OrchestrationMetadata> MatchingAsync(RunFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string? token = null;
        do
        {
            var page = await client.QueryInstancesAsync(filter.ToQuery(token, StorePageSize), cancellationToken);
            foreach (var run in page.Values.Where(filter.Matches))
            {
                yield return run;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
