using DurableLessons.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.StorageOutage.Tests.Infrastructure;

/// <summary>
/// Holds the first artifact write whose key contains <paramref name="keyPart"/> (e.g. a research source's notes) until the
/// test opens the gate, so storage can be stopped exactly while that step writes; everything else goes to the real store.
/// </summary>
public sealed class ArtifactWriteGate(string keyPart)
{
    private readonly string keyPart = keyPart;
    private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Arrived => arrived.Task;

    public void Open() => opened.TrySetResult();

    /// <summary>Wraps the host's <see cref="IArtifactStore"/> registration; call from the host's test-services hook.</summary>
    public void Install(IServiceCollection services)
    {
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(IArtifactStore));
        services.Remove(original);
        services.AddSingleton<IArtifactStore>(provider => new GatedArtifactStore((IArtifactStore)original.ImplementationFactory!(provider), this));
    }

    private sealed class GatedArtifactStore(IArtifactStore inner, ArtifactWriteGate gate) : IArtifactStore
    {
        public async Task PutAsync(string key, string content, CancellationToken cancellationToken)
        {
            if (key.Contains(gate.keyPart, StringComparison.Ordinal) && gate.arrived.TrySetResult())
            {
                await gate.opened.Task.WaitAsync(cancellationToken);
            }

            await inner.PutAsync(key, content, cancellationToken);
        }

        public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public Task DeleteByPrefixAsync(string keyPrefix, CancellationToken cancellationToken) => inner.DeleteByPrefixAsync(keyPrefix, cancellationToken);
    }
}
