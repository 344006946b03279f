using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Data.Sqlite;

namespace DurableLessons.Engine.Storage;

/// <summary>An instance row and the inbox messages an episode may process now, read in one snapshot.</summary>
internal sealed record EpisodeSnapshot(InstanceRecord Instance, IReadOnlyList<InboxMessage> Messages);

/// <summary>What start-up needs to resume unfinished work: instances with messages, and pending activities.</summary>
internal sealed record RecoveryState(IReadOnlyList<(string InstanceId, DateTime VisibleAt)> Inboxes, IReadOnlyList<ActivityWorkItem> Activities);

/// <summary>A keyset position in the newest-first instance list.</summary>
internal sealed record QueryCursor(long CreatedAtTicks, string InstanceId);

/// <summary>
/// Reads on their own connections beside the writer (WAL: readers never block it and see committed data only),
/// pooled with their prepared statements (<see cref="ReaderSession"/>).
/// </summary>
internal sealed class EngineReader(EngineDatabase database) : IDisposable
{
    private const int MaxPooledSessions = 16;

    private readonly ConcurrentBag<ReaderSession> _pool = [];
    private volatile bool _disposed;

    public async Task<EpisodeSnapshot?> LoadEpisodeAsync(string instanceId, DateTime now, CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        return Use(session =>
        {
            InstanceRecord? instance = null;
            var messages = new List<InboxMessage>();
            using var reader = session.Episode.Query(instanceId, SqliteValues.Ticks(now));
            while (reader.Read())
            {
                instance ??= ReadInstanceRow(reader, withData: true);
                if (!reader.IsDBNull(15))
                {
                    messages.Add(new InboxMessage(
                        reader.GetInt64(15),
                        instanceId,
                        reader.NullableString(16),
                        reader.GetString(17),
                        reader.NullableInt(18),
                        reader.NullableString(19),
                        reader.NullableString(20),
                        reader.NullableString(21),
                        reader.GetInt32(22),
                        reader.TimeAt(23),
                        reader.TimeAt(24)));
                }
            }

            return instance is null ? null : new EpisodeSnapshot(instance, messages);
        });
    }

    /// <summary>The trace the instance's spans join, or null when it was started with none.</summary>
    public async Task<InstanceTrace?> GetTraceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        return Use(session =>
        {
            using var reader = session.Trace.Query(instanceId);
            return reader.Read()
                ? new InstanceTrace(new TraceParent(reader.GetString(0), reader.NullableString(1)), reader.TimeAt(2))
                : null;
        });
    }

    public async Task<List<JournalRow>> LoadJournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        return Use(session => ReadJournal(session, instanceId));
    }

    /// <summary>The instance and its journal in one snapshot, or null when unknown.</summary>
    public async Task<(InstanceRecord Instance, List<JournalRow> Journal)?> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        return Use<(InstanceRecord, List<JournalRow>)?>(session =>
        {
            session.Begin.Execute();
            var instance = ReadInstance(session, instanceId, withData: false);
            var journal = instance is null ? [] : ReadJournal(session, instanceId);
            session.Commit.Execute();
            return instance is null ? null : (instance, journal);
        });
    }

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, bool withData, CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        return Use(session => ReadInstance(session, instanceId, withData));
    }

    public async Task<long> ReadVersionAsync(string instanceId, CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        return Use(session => session.Version.ScalarInt64(instanceId) ?? 0);
    }

    /// <summary>Instances matching the query, newest first, starting after <paramref name="after"/>.</summary>
    public async Task<List<InstanceRecord>> QueryAsync(OrchestrationQuery query, QueryCursor? after, int limit, CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        return Use(session =>
        {
            using var command = session.Connection.CreateCommand();
            var where = new StringBuilder("1 = 1");
            if (query.CreatedFrom is { } from)
            {
                where.Append(" AND created_at >= $from");
                command.Parameters.AddWithValue("$from", SqliteValues.Ticks(from.UtcDateTime));
            }

            if (query.CreatedTo is { } to)
            {
                where.Append(" AND created_at <= $to");
                command.Parameters.AddWithValue("$to", SqliteValues.Ticks(to.UtcDateTime));
            }

            if (query.Statuses?.ToList() is { Count: > 0 } statuses)
            {
                where.Append(" AND status IN (")
                    .AppendJoin(", ", statuses.Distinct().Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)))
                    .Append(')');
            }

            if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
            {
                where.Append(" AND substr(instance_id, 1, length($prefix)) = $prefix");
                command.Parameters.AddWithValue("$prefix", query.InstanceIdPrefix);
            }

            if (after is not null)
            {
                where.Append(" AND (created_at < $afterCreated OR (created_at = $afterCreated AND instance_id < $afterId))");
                command.Parameters.AddWithValue("$afterCreated", after.CreatedAtTicks);
                command.Parameters.AddWithValue("$afterId", after.InstanceId);
            }

            command.Parameters.AddWithValue("$limit", limit);
#pragma warning disable CA2100 // The text is built from constants and enum numbers only; values are parameters.
            command.CommandText =
                $"SELECT {ReaderSession.InstanceColumns} FROM instances WHERE {where} ORDER BY created_at DESC, instance_id DESC LIMIT $limit";
#pragma warning restore CA2100
            var results = new List<InstanceRecord>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                results.Add(ReadInstanceRow(reader, query.FetchInputsAndOutputs));
            }

            return results;
        });
    }

    public async Task<RecoveryState> LoadRecoveryAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        return Use(session =>
        {
            session.Begin.Execute();
            var inboxes = new List<(string, DateTime)>();
            using (var command = session.Connection.CreateCommand())
            {
                command.CommandText = "SELECT instance_id, min(visible_at) FROM inbox GROUP BY instance_id";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    inboxes.Add((reader.GetString(0), reader.TimeAt(1)));
                }
            }

            var activities = new List<ActivityWorkItem>();
            using (var command = session.Connection.CreateCommand())
            {
                command.CommandText = "SELECT id, instance_id, execution_id, task_id, name, input FROM activities ORDER BY id";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    activities.Add(new ActivityWorkItem(
                        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.NullableString(5)));
                }
            }

            session.Commit.Execute();
            return new RecoveryState(inboxes, activities);
        });
    }

    public void Dispose()
    {
        _disposed = true;
        while (_pool.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private T Use<T>(Func<ReaderSession, T> read)
    {
        var session = _pool.TryTake(out var pooled) ? pooled : new ReaderSession(database.OpenReader());
        var reusable = false;
        try
        {
            var result = read(session);
            reusable = session.IsReusable;
            return result;
        }
        finally
        {
            if (reusable && !_disposed && _pool.Count < MaxPooledSessions)
            {
                _pool.Add(session);
            }
            else
            {
                session.Dispose();
            }
        }
    }

    private static InstanceRecord? ReadInstance(ReaderSession session, string instanceId, bool withData)
    {
        using var reader = session.Instance.Query(instanceId);
        return reader.Read() ? ReadInstanceRow(reader, withData) : null;
    }

    private static InstanceRecord ReadInstanceRow(SqliteDataReader reader, bool withData)
    {
        var parent = reader.IsDBNull(10)
            ? null
            : new ParentLink(reader.GetString(10), reader.GetString(11), reader.GetString(12), reader.GetInt32(13));
        return new InstanceRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            (OrchestrationRuntimeStatus)reader.GetInt32(3),
            withData ? reader.NullableString(4) : null,
            withData ? reader.NullableString(5) : null,
            withData ? reader.NullableString(6) : null,
            reader.NullableString(7),
            reader.TimeAt(8),
            reader.TimeAt(9),
            parent,
            reader.GetInt64(14));
    }

    private static List<JournalRow> ReadJournal(ReaderSession session, string instanceId)
    {
        var rows = new List<JournalRow>();
        using var reader = session.Journal.Query(instanceId);
        while (reader.Read())
        {
            rows.Add(new JournalRow(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.TimeAt(2),
                reader.NullableInt(3),
                reader.NullableString(4),
                reader.NullableString(5),
                reader.NullableString(6),
                reader.NullableTime(7),
                reader.NullableString(8)));
        }

        return rows;
    }
}
