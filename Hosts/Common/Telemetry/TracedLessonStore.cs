using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;

namespace DurableLessons.Hosts.Common.Telemetry;

internal sealed class TracedLessonStore(ILessonStore inner, LessonTelemetry telemetry, string provider) : ILessonStore
{
    private const string Store = "lessons";

    public Task<LessonVersionInfo> SaveNewVersionAsync(LessonKey key, string runId, LessonDocument document, CancellationToken cancellationToken) =>
        StoreSpans.TraceAsync(telemetry, Store, provider, "save_new_version", () => inner.SaveNewVersionAsync(key, runId, document, cancellationToken));

    public Task<LessonVersion?> GetLatestAsync(LessonKey key, CancellationToken cancellationToken) =>
        StoreSpans.TraceAsync(telemetry, Store, provider, "get_latest", () => inner.GetLatestAsync(key, cancellationToken));

    public Task<LessonVersion?> GetVersionAsync(LessonKey key, string version, CancellationToken cancellationToken) =>
        StoreSpans.TraceAsync(telemetry, Store, provider, "get_version", () => inner.GetVersionAsync(key, version, cancellationToken));

    public Task<IReadOnlyList<LessonVersionInfo>> ListVersionsAsync(LessonKey key, CancellationToken cancellationToken) =>
        StoreSpans.TraceAsync(telemetry, Store, provider, "list_versions", () => inner.ListVersionsAsync(key, cancellationToken));

    public Task<IReadOnlyList<LessonVersionInfo>> ListStaleAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        StoreSpans.TraceAsync(telemetry, Store, provider, "list_stale", () => inner.ListStaleAsync(createdBefore, cancellationToken));
}
