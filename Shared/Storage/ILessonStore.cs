using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Storage;

/// <summary>
/// Versioned lessons. Versions are "1.0", "1.1", "1.2", … per <see cref="LessonKey"/>, assigned atomically: concurrent
/// saves never get the same number and none is lost. Saving is idempotent per run id: a second save with the same
/// run id (an activity retried after a crash) returns the version the first one created.
/// </summary>
public interface ILessonStore
{
    Task<LessonVersionInfo> SaveNewVersionAsync(LessonKey key, string runId, LessonDocument document, CancellationToken cancellationToken);

    Task<LessonVersion?> GetLatestAsync(LessonKey key, CancellationToken cancellationToken);

    Task<LessonVersion?> GetVersionAsync(LessonKey key, string version, CancellationToken cancellationToken);

    /// <summary>All versions, oldest first.</summary>
    Task<IReadOnlyList<LessonVersionInfo>> ListVersionsAsync(LessonKey key, CancellationToken cancellationToken);

    /// <summary>Lessons whose latest version was created before <paramref name="createdBefore"/>; one row per lesson (its latest version).</summary>
    Task<IReadOnlyList<LessonVersionInfo>> ListStaleAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}

/// <summary>
/// Content passed between workflow steps by reference (research notes, drafts) so orchestration history stays small.
/// Writes with the same key overwrite (steps re-run at least once); content may exceed the Table property limit.
/// </summary>
public interface IArtifactStore
{
    Task PutAsync(string key, string content, CancellationToken cancellationToken);

    /// <summary>The content, or null when nothing was stored under the key.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes every artifact whose key starts with the prefix (a run's artifacts after it is saved or purged).</summary>
    Task DeleteByPrefixAsync(string keyPrefix, CancellationToken cancellationToken);
}
