using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;

namespace DurableLessons.Functions.Tests.Http;

/// <summary>A lesson store for tests of the HTTP functions (the real stores are tested in the Storage tests).</summary>
internal sealed class InMemoryLessonStore : ILessonStore
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<LessonVersion> _versions = [];

    public Task<LessonVersionInfo> SaveNewVersionAsync(LessonKey key, string runId, LessonDocument document, CancellationToken cancellationToken)
    {
        var number = _versions.Count(v => Matches(v, key));
        var version = new LessonVersion(key.Subject, key.Topic, key.Level.ToWire(), $"1.{number}", runId, Created.AddMinutes(number), document);
        _versions.Add(version);
        return Task.FromResult(Info(version));
    }

    public Task<LessonVersion?> GetLatestAsync(LessonKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.LastOrDefault(v => Matches(v, key)));

    public Task<LessonVersion?> GetVersionAsync(LessonKey key, string version, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.FirstOrDefault(v => Matches(v, key) && v.Version == version));

    public Task<IReadOnlyList<LessonVersionInfo>> ListVersionsAsync(LessonKey key, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LessonVersionInfo>>(_versions.Where(v => Matches(v, key)).Select(Info).ToList());

    public Task<IReadOnlyList<LessonVersionInfo>> ListStaleAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private static bool Matches(LessonVersion version, LessonKey key) =>
        version.Subject == key.Subject && version.Topic == key.Topic && version.Level == key.Level.ToWire();

    private static LessonVersionInfo Info(LessonVersion v) =>
        new(v.Subject, v.Topic, v.Level, v.Version, v.RunId, v.CreatedAt, v.Document.Title, v.Document.Generator);
}
