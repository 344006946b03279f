using System.Reflection;
using DurableLessons.Engine;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DurableLessons.Bench.Engine;

/// <summary>
/// Counts the transactions the engine's single writer commits, with <c>sqlite3_commit_hook</c> on its connection.
/// The engine exposes no commit counter, so this reaches the writer's private connection by reflection (bench-only);
/// if the engine's internals no longer match, <see cref="TryAttach"/> says why and the report falls back to the
/// engine's documented accounting alone.
/// </summary>
internal sealed class EngineCommitCounter : IDisposable
{
    private const string WriterTypeName = "DurableLessons.Engine.Storage.JournalWriter";
    private const string ConnectionFieldName = "_connection";

    private readonly sqlite3 _handle;
    private readonly delegate_commit _hook;
    private long _commits;
    private bool _detached;

    private EngineCommitCounter(sqlite3 handle)
    {
        _handle = handle;
        _hook = _ => OnCommit();
        raw.sqlite3_commit_hook(_handle, _hook, null);
    }

    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Attaches to the started engine's writer connection; null (with the reason) when it cannot.</summary>
    public static EngineCommitCounter? TryAttach(IServiceProvider services, out string? reason)
    {
        var writerType = typeof(EngineOptions).Assembly.GetType(WriterTypeName);
        var writer = writerType is null ? null : services.GetService(writerType);
        var field = writerType?.GetField(ConnectionFieldName, BindingFlags.Instance | BindingFlags.NonPublic);
        if (writer is null || field is null)
        {
            reason = $"the engine has no {WriterTypeName}.{ConnectionFieldName} any more";
            return null;
        }

        if (field.GetValue(writer) is not SqliteConnection { Handle: { } handle })
        {
            reason = "the engine's writer connection is not open";
            return null;
        }

        reason = null;
        return new EngineCommitCounter(handle);
    }

    /// <summary>Removes the hook; must run before the engine closes its connection.</summary>
    public void Dispose()
    {
        if (!_detached)
        {
            _detached = true;
            raw.sqlite3_commit_hook(_handle, null, null);
        }
    }

    private int OnCommit()
    {
        Interlocked.Increment(ref _commits);
        return 0; // 0 lets the commit proceed.
    }
}
