using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Storage.TableStore;

/// <summary>
/// The rows of a lesson's partition (partition key: <see cref="LessonKey.StorageId"/>):
/// <list type="bullet">
/// <item><c>latest</c>: pointer to the newest version, with its listing fields; updated under If-Match.</item>
/// <item><c>v~0000000007</c>: version 1.7's listing fields, the chunk count and the first content chunk.</item>
/// <item><c>c~0000000007~0001</c>…: further content chunks of version 1.7.</item>
/// <item><c>run~&lt;hash of run id&gt;</c>: the version a run created; inserting it twice conflicts, which makes saves idempotent.</item>
/// </list>
/// </summary>
internal static class LessonRows
{
    public const string LatestRowKey = "latest";

    public const string Minor = nameof(Minor);
    public const string Subject = nameof(Subject);
    public const string Topic = nameof(Topic);
    public const string Level = nameof(Level);
    public const string RunId = nameof(RunId);
    public const string CreatedAt = nameof(CreatedAt);
    public const string Title = nameof(Title);
    public const string Generator = nameof(Generator);
    public const string ChunkCount = nameof(ChunkCount);
    public const string Content = nameof(Content);

    /// <summary>The listing fields, for queries that must not download content.</summary>
    public static readonly IReadOnlyCollection<string> InfoProperties = [Minor, Subject, Topic, Level, RunId, CreatedAt, Title, Generator];

    private const string VersionPrefix = "v~";

    public static string VersionRowKey(int minor) => VersionPrefix + minor.ToString("D10", CultureInfo.InvariantCulture);

    public static string ChunkRowKey(int minor, int index) =>
        $"c~{minor.ToString("D10", CultureInfo.InvariantCulture)}~{index.ToString("D4", CultureInfo.InvariantCulture)}";

    public static (string From, string ExclusiveTo) ChunkRange(int minor)
    {
        var prefix = $"c~{minor.ToString("D10", CultureInfo.InvariantCulture)}~";
        return (prefix, prefix + "~");
    }

    public static (string From, string ExclusiveTo) VersionRange => (VersionPrefix, VersionPrefix + "~");

    public static string RunRowKey(string runId) => "run~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(runId)));

    /// <summary>Sets the listing fields of a version on a version row or the latest pointer.</summary>
    public static void SetInfo(TableEntity entity, LessonKey key, int minor, string runId, DateTimeOffset createdAt, LessonDocument document)
    {
        entity[Minor] = minor;
        entity[Subject] = key.Subject;
        entity[Topic] = key.Topic;
        entity[Level] = key.Level.ToWire();
        entity[RunId] = runId;
        entity[CreatedAt] = createdAt;
        entity[Title] = document.Title;
        entity[Generator] = document.Generator;
    }

    public static int ReadMinor(TableEntity entity) =>
        entity.GetInt32(Minor) ?? throw Corrupt(entity, Minor);

    public static DateTimeOffset ReadCreatedAt(TableEntity entity) =>
        entity.GetDateTimeOffset(CreatedAt) ?? throw Corrupt(entity, CreatedAt);

    public static LessonVersionInfo ReadInfo(TableEntity entity) => new(
        Subject: entity.GetString(Subject) ?? throw Corrupt(entity, Subject),
        Topic: entity.GetString(Topic) ?? throw Corrupt(entity, Topic),
        Level: entity.GetString(Level) ?? throw Corrupt(entity, Level),
        Version: LessonVersionNumber.Format(ReadMinor(entity)),
        RunId: entity.GetString(RunId) ?? throw Corrupt(entity, RunId),
        CreatedAt: ReadCreatedAt(entity),
        Title: entity.GetString(Title) ?? "",
        Generator: entity.GetString(Generator) ?? "");

    public static InvalidDataException Corrupt(TableEntity entity, string property) =>
        new($"Lesson row ('{entity.PartitionKey}', '{entity.RowKey}') has no valid {property}.");
}
