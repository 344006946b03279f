namespace DurableLessons.Engine.Tests.Infrastructure;

/// <summary>Query helpers over the SDK client's pageable.</summary>
public static class ClientQueries
{
    /// <summary>One page of <paramref name="query"/>, from its continuation token.</summary>
    public static async Task<Page<OrchestrationMetadata>> QueryInstancesAsync(this DurableTaskClient client, OrchestrationQuery query)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, query.PageSize))
        {
            return page;
        }

        return new Page<OrchestrationMetadata>([], null);
    }

    /// <summary>Every instance <paramref name="query"/> matches.</summary>
    public static async Task<List<OrchestrationMetadata>> ListInstancesAsync(this DurableTaskClient client, OrchestrationQuery query)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(query))
        {
            all.Add(instance);
        }

        return all;
    }
}
