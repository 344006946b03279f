using System.Text.Json;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Workflow;

namespace DurableLessons.Shared.Storage;

public static class ArtifactStoreExtensions
{
    public static Task PutJsonAsync<T>(this IArtifactStore store, ArtifactRef reference, T value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        return store.PutAsync(reference.Key, JsonSerializer.Serialize(value, WorkflowJson.Options), cancellationToken);
    }

    /// <summary>Reads a step's stored output; a missing artifact means the run's state was purged or corrupted.</summary>
    public static async Task<T> GetJsonAsync<T>(this IArtifactStore store, ArtifactRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        var json = await store.GetAsync(reference.Key, cancellationToken)
            ?? throw new InvalidOperationException($"Artifact '{reference.Key}' is missing; the run's intermediate results were deleted. Restart the run.");
        return JsonSerializer.Deserialize<T>(json, WorkflowJson.Options)
            ?? throw new InvalidOperationException($"Artifact '{reference.Key}' is empty.");
    }
}
