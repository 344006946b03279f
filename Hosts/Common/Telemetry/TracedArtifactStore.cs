using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;

namespace DurableLessons.Hosts.Common.Telemetry;

internal sealed class TracedArtifactStore(IArtifactStore inner, LessonTelemetry telemetry, string provider) : IArtifactStore
{
    private const string Store = "artifacts";

    public Task PutAsync(string key, string content, CancellationToken cancellationToken) =>
        StoreSpans.TraceAsync(telemetry, Store, provider, "put", () => inner.PutAsync(key, content, cancellationToken));

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        StoreSpans.TraceAsync(telemetry, Store, provider, "get", () => inner.GetAsync(key, cancellationToken));

    public Task DeleteByPrefixAsync(string keyPrefix, CancellationToken cancellationToken) =>
        StoreSpans.TraceAsync(telemetry, Store, provider, "delete_by_prefix", () => inner.DeleteByPrefixAsync(keyPrefix, cancellationToken));
}
