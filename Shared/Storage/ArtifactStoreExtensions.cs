using System.Text.Json;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Serialization;

namespace DurableLessons.Shared.Storage;

/// <summary>
/// Typed access to step artifacts; a failure of the store itself surfaces as <see cref="ArtifactStorageException"/>
/// (retried as an outage), except a <see cref="StorageRefusedException"/>, which no retry mends.
/// </summary>
public static class ArtifactStoreExtensions
{
    public static async Task PutJsonAsync<T>(this IArtifactStore store, ArtifactRef reference, T value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        var json = JsonSerializer.Serialize(value, WorkflowJson.Options);
        try
        {
            await store.PutAsync(reference.Key, json, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or StorageRefusedException))
        {
            throw new ArtifactStorageException($"Could not store artifact '{reference.Key}': {exception.Message}", exception);
        }
    }

    /// <summary>Reads a step's stored output; a missing artifact means the run's state was purged or corrupted.</summary>
    public static async Task<T> GetJsonAsync<T>(this IArtifactStore store, ArtifactRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        string? stored;
        try
        {
            stored = await store.GetAsync(reference.Key, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or StorageRefusedException))
        {
            throw new ArtifactStorageException($"Could not read artifact '{reference.Key}': {exception.Message}", exception);
        }

        var json = stored
            ?? throw new InvalidOperationException($"Artifact '{reference.Key}' is missing; the run's intermediate results were deleted. Restart the run.");
        return JsonSerializer.Deserialize<T>(json, WorkflowJson.Options)
            ?? throw new InvalidOperationException($"Artifact '{reference.Key}' is empty.");
    }
}
