using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Data.Sqlite;

namespace DurableLessons.Engine.Storage;

/// <summary>The part of an instance row that write operations decide on.</summary>
internal sealed record InstanceState(
    string InstanceId,
    string ExecutionId,
    string Name,
    OrchestrationRuntimeStatus Status,
    string? Input,
    string? Output,
    string? Failure,
    ParentLink? Parent);

/// <summary>
/// What a write operation can do inside the writer's transaction: prepared statements for every change, each of
/// which also records the in-memory effect to publish after COMMIT (see <see cref="CommitEffects"/>).
/// Only the writer's thread uses it.
/// </summary>
internal sealed class WriterSession : IDisposable
{
    private const string InstanceColumns =
        "instance_id, execution_id, name, status, input, output, failure, parent_instance_id, parent_name, parent_execution_id, parent_task_id";

    private readonly Statement _readInstance;
    private readonly Statement _insertInstance;
    private readonly Statement _upsertInstance;
    private readonly Statement _updateInstance;
    private readonly Statement _setStatus;
    private readonly Statement _deleteInstance;
    private readonly Statement _nonTerminalChildren;
    private readonly Statement _appendJournal;
    private readonly Statement _deleteJournal;
    private readonly Statement _deleteJournalRow;
    private readonly Statement _insertMessage;
    private readonly Statement _deleteMessage;
    private readonly Statement _deleteInbox;
    private readonly Statement _deleteInboxForTask;
    private readonly Statement _hasTimerMessage;
    private readonly Statement _insertActivity;
    private readonly Statement _deleteActivity;
    private readonly Statement _deleteActivities;
    private readonly Statement _deleteActivitiesForTask;
    private readonly Statement _hasActivity;
    private readonly Statement _upsertTrace;
    private readonly Statement _restartTrace;
    private readonly Statement _deleteTrace;
    private readonly Statement _readTrace;
    private readonly List<Statement> _all = [];

    private long _sequence;
    private long _lastMessageId;
    private long _lastWorkItemId;

    public WriterSession(SqliteConnection connection, EngineMetadata metadata)
    {
        Connection = connection;
        _sequence = metadata.ChangeSequence;
        _lastMessageId = metadata.HighestMessageId;
        _lastWorkItemId = metadata.HighestWorkItemId;
        _readInstance = Add(connection, $"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id", "$id");
        _insertInstance = Add(
            connection,
            """
            INSERT INTO instances (instance_id, execution_id, name, status, input, output, custom_status, failure,
                created_at, last_updated_at, parent_instance_id, parent_name, parent_execution_id, parent_task_id, version)
            VALUES ($id, $exec, $name, $status, $input, NULL, NULL, NULL, $now, $now, $pid, $pname, $pexec, $ptask, $version)
            ON CONFLICT (instance_id) DO NOTHING
            """,
            "$id", "$exec", "$name", "$status", "$input", "$now", "$pid", "$pname", "$pexec", "$ptask", "$version");
        _upsertInstance = Add(
            connection,
            """
            INSERT INTO instances (instance_id, execution_id, name, status, input, output, custom_status, failure,
                created_at, last_updated_at, parent_instance_id, parent_name, parent_execution_id, parent_task_id, version)
            VALUES ($id, $exec, $name, $status, $input, NULL, NULL, NULL, $now, $now, $pid, $pname, $pexec, $ptask, $version)
            ON CONFLICT (instance_id) DO UPDATE SET execution_id = excluded.execution_id, name = excluded.name,
                status = excluded.status, input = excluded.input, output = NULL, custom_status = NULL, failure = NULL,
                created_at = excluded.created_at, last_updated_at = excluded.last_updated_at,
                parent_instance_id = excluded.parent_instance_id, parent_name = excluded.parent_name,
                parent_execution_id = excluded.parent_execution_id, parent_task_id = excluded.parent_task_id,
                version = excluded.version
            """,
            "$id", "$exec", "$name", "$status", "$input", "$now", "$pid", "$pname", "$pexec", "$ptask", "$version");
        _updateInstance = Add(
            connection,
            """
            UPDATE instances SET execution_id = $exec, status = $status, input = $input, output = $output,
                custom_status = $custom, failure = $failure, last_updated_at = $now, version = $version
            WHERE instance_id = $id
            """,
            "$id", "$exec", "$status", "$input", "$output", "$custom", "$failure", "$now", "$version");
        _setStatus = Add(
            connection,
            "UPDATE instances SET status = $status, output = NULL, failure = NULL, last_updated_at = $now, version = $version WHERE instance_id = $id",
            "$id", "$status", "$now", "$version");
        _deleteInstance = Add(connection, "DELETE FROM instances WHERE instance_id = $id", "$id");
        _upsertTrace = Add(
            connection,
            """
            INSERT INTO traces (instance_id, trace_parent, trace_state, execution_started_at) VALUES ($id, $parent, $state, $now)
            ON CONFLICT (instance_id) DO UPDATE SET trace_parent = excluded.trace_parent, trace_state = excluded.trace_state,
                execution_started_at = excluded.execution_started_at
            """,
            "$id", "$parent", "$state", "$now");
        _restartTrace = Add(connection, "UPDATE traces SET execution_started_at = $now WHERE instance_id = $id", "$id", "$now");
        _deleteTrace = Add(connection, "DELETE FROM traces WHERE instance_id = $id", "$id");
        _readTrace = Add(connection, "SELECT trace_parent, trace_state FROM traces WHERE instance_id = $id", "$id");
        _nonTerminalChildren = Add(
            connection,
            "SELECT instance_id FROM instances WHERE parent_instance_id = $id AND status IN (0, 6, 7)",
            "$id");
        _appendJournal = Add(
            connection,
            """
            INSERT INTO journal (instance_id, position, event_type, task_id, name, payload, failure, timestamp, fire_at, target)
            VALUES ($id, $pos, $type, $task, $name, $payload, $failure, $ts, $fire, $target)
            """,
            "$id", "$pos", "$type", "$task", "$name", "$payload", "$failure", "$ts", "$fire", "$target");
        _deleteJournal = Add(connection, "DELETE FROM journal WHERE instance_id = $id", "$id");
        _deleteJournalRow = Add(connection, "DELETE FROM journal WHERE instance_id = $id AND position = $pos", "$id", "$pos");
        _insertMessage = Add(
            connection,
            """
            INSERT INTO inbox (id, instance_id, execution_id, kind, task_id, name, payload, failure, flags, visible_at, created_at)
            VALUES ($message, $id, $exec, $kind, $task, $name, $payload, $failure, $flags, $visible, $now)
            """,
            "$message", "$id", "$exec", "$kind", "$task", "$name", "$payload", "$failure", "$flags", "$visible", "$now");
        _deleteMessage = Add(connection, "DELETE FROM inbox WHERE id = $id", "$id");
        _deleteInbox = Add(connection, "DELETE FROM inbox WHERE instance_id = $id", "$id");
        _deleteInboxForTask = Add(connection, "DELETE FROM inbox WHERE instance_id = $id AND task_id = $task", "$id", "$task");
        _hasTimerMessage = Add(
            connection,
            "SELECT EXISTS (SELECT 1 FROM inbox WHERE instance_id = $id AND task_id = $task AND kind = 'TimerFired')",
            "$id", "$task");
        _insertActivity = Add(
            connection,
            """
            INSERT INTO activities (id, instance_id, execution_id, task_id, name, input, created_at)
            VALUES ($item, $id, $exec, $task, $name, $input, $now)
            """,
            "$item", "$id", "$exec", "$task", "$name", "$input", "$now");
        _deleteActivity = Add(connection, "DELETE FROM activities WHERE id = $id", "$id");
        _deleteActivities = Add(connection, "DELETE FROM activities WHERE instance_id = $id RETURNING id", "$id");
        _deleteActivitiesForTask = Add(
            connection,
            "DELETE FROM activities WHERE instance_id = $id AND task_id = $task RETURNING id",
            "$id", "$task");
        _hasActivity = Add(
            connection,
            "SELECT EXISTS (SELECT 1 FROM activities WHERE instance_id = $id AND task_id = $task)",
            "$id", "$task");
    }

    public SqliteConnection Connection { get; }

    /// <summary>The transaction's time; immediate messages use <see cref="DateTime.MinValue"/> instead, so no clock matters.</summary>
    public DateTime Now { get; private set; }

    /// <summary>The effects of the operation being applied.</summary>
    public CommitEffects Effects { get; } = new();

    public long Sequence => _sequence;

    /// <summary>
    /// Whether the transaction deleted an instance row. The change sequence is persisted only then: every other
    /// version it hands out is stored in an instance row of the same transaction, and the engine starts from the
    /// greater of the saved sequence and the highest stored version, so only a deleted row can take the highest
    /// version with it (and saving it on every commit rewrote the meta page in each one).
    /// </summary>
    public bool DeletedInstances { get; private set; }

    public void BeginTransaction(DateTime now)
    {
        Now = now;
        DeletedInstances = false;
    }

    /// <summary>Restores the change sequence after a rolled-back transaction.</summary>
    public void ResetSequence(long sequence) => _sequence = sequence;

    public long NextVersion() => ++_sequence;

    public InstanceState? ReadInstance(string instanceId)
    {
        using var reader = _readInstance.Query(instanceId);
        if (!reader.Read())
        {
            return null;
        }

        var parent = reader.IsDBNull(7)
            ? null
            : new ParentLink(reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetInt32(10));
        return new InstanceState(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            (OrchestrationRuntimeStatus)reader.GetInt32(3),
            reader.NullableString(4),
            reader.NullableString(5),
            reader.NullableString(6),
            parent);
    }

    /// <summary>
    /// Creates an instance if none has its id (one statement, no read: the common case of a start).
    /// </summary>
    /// <returns>False, with nothing written, when the id is taken.</returns>
    public bool TryCreateNewInstance(string instanceId, string executionId, string name, string? input, ParentLink? parent)
    {
        var version = _sequence + 1;
        var inserted = _insertInstance.Execute(
            instanceId, executionId, name, (int)OrchestrationRuntimeStatus.Pending, input, SqliteValues.Ticks(Now),
            parent?.InstanceId, parent?.Name, parent?.ExecutionId, parent?.TaskId, version) == 1;
        if (inserted)
        {
            _sequence = version;
            Effects.ChangedInstances.Add(instanceId);
        }

        return inserted;
    }

    /// <summary>Creates an instance, or replaces a terminal one (its journal, inbox and work must be cleared first).</summary>
    public void CreateInstance(string instanceId, string executionId, string name, string? input, ParentLink? parent)
    {
        _upsertInstance.Execute(
            instanceId, executionId, name, (int)OrchestrationRuntimeStatus.Pending, input, SqliteValues.Ticks(Now),
            parent?.InstanceId, parent?.Name, parent?.ExecutionId, parent?.TaskId, NextVersion());
        Effects.ChangedInstances.Add(instanceId);
    }

    public void UpdateInstance(
        string instanceId,
        string executionId,
        OrchestrationRuntimeStatus status,
        string? input,
        string? output,
        string? customStatus,
        string? failure)
    {
        _updateInstance.Execute(
            instanceId, executionId, (int)status, input, output, customStatus, failure, SqliteValues.Ticks(Now), NextVersion());
        Effects.ChangedInstances.Add(instanceId);
    }

    /// <summary>Sets a non-terminal status and clears output and failure (used by rewind).</summary>
    public void SetStatus(string instanceId, OrchestrationRuntimeStatus status)
    {
        _setStatus.Execute(instanceId, (int)status, SqliteValues.Ticks(Now), NextVersion());
        Effects.ChangedInstances.Add(instanceId);
    }

    /// <summary>Deletes the journal, inbox and pending activities of an instance (kept: its row).</summary>
    /// <summary>
    /// Remembers the span that created the instance (W3C trace context), so the spans of its orchestration and
    /// activities join that trace in any later process; null (nobody traces) forgets an earlier one.
    /// </summary>
    public void SetTraceParent(string instanceId, TraceParent trace) =>
        _upsertTrace.Execute(instanceId, trace.Value, trace.State, SqliteValues.Ticks(Now));

    public TraceParent? ReadTraceParent(string instanceId)
    {
        using var reader = _readTrace.Query(instanceId);
        return reader.Read() ? new TraceParent(reader.GetString(0), reader.NullableString(1)) : null;
    }

    /// <summary>A new execution (ContinueAsNew) starts its orchestration span now.</summary>
    public void RestartTrace(string instanceId) => _restartTrace.Execute(instanceId, SqliteValues.Ticks(Now));

    public void ClearInstanceState(string instanceId)
    {
        _deleteTrace.Execute(instanceId);
        _deleteJournal.Execute(instanceId);
        _deleteInbox.Execute(instanceId);
        Effects.CancelledActivities.AddRange(_deleteActivities.ReturningIds(instanceId));
        Effects.RemovedInstances.Add(instanceId);
    }

    public void DeleteInstance(string instanceId)
    {
        ClearInstanceState(instanceId);
        _deleteInstance.Execute(instanceId);
        DeletedInstances = true;
        Effects.ChangedInstances.Add(instanceId);
    }

    public List<string> NonTerminalChildren(string instanceId)
    {
        var children = new List<string>();
        using var reader = _nonTerminalChildren.Query(instanceId);
        while (reader.Read())
        {
            children.Add(reader.GetString(0));
        }

        return children;
    }

    /// <summary>Ids of instances created in the range with one of the statuses (for purges).</summary>
    public List<string> FindInstances(DateTime? createdFrom, DateTime? createdTo, IReadOnlyCollection<OrchestrationRuntimeStatus> statuses)
    {
        using var command = Connection.CreateCommand();
        command.Parameters.AddWithValue("$from", createdFrom is { } from ? SqliteValues.Ticks(from) : long.MinValue);
        command.Parameters.AddWithValue("$to", createdTo is { } to ? SqliteValues.Ticks(to) : long.MaxValue);
#pragma warning disable CA2100 // Only enum numbers are concatenated; values are parameters.
        command.CommandText =
            "SELECT instance_id FROM instances WHERE created_at >= $from AND created_at <= $to AND status IN (" +
            string.Join(", ", statuses.Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
#pragma warning restore CA2100
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public void AppendJournal(string instanceId, IEnumerable<JournalRow> rows)
    {
        foreach (var row in rows)
        {
            _appendJournal.Execute(
                instanceId, row.Position, row.EventType, row.TaskId, row.Name, row.Payload, row.Failure,
                SqliteValues.Ticks(row.Timestamp), row.FireAt is { } fire ? SqliteValues.Ticks(fire) : null, row.Target);
        }
    }

    public void DeleteJournal(string instanceId) => _deleteJournal.Execute(instanceId);

    public void DeleteJournalRow(string instanceId, long position) => _deleteJournalRow.Execute(instanceId, position);

    public void InsertMessage(NewMessage message)
    {
        // Ids are not given back when a transaction rolls back: a gap costs nothing, a reused id could.
        _insertMessage.Execute(
            ++_lastMessageId, message.InstanceId, message.ExecutionId, message.Kind, message.TaskId, message.Name, message.Payload,
            message.Failure, message.Flags, SqliteValues.Ticks(message.VisibleAt), SqliteValues.Ticks(Now));
        Effects.Messages.Add((message.InstanceId, message.VisibleAt));
    }

    public void DeleteMessage(long messageId) => _deleteMessage.Execute(messageId);

    public void DeleteInbox(string instanceId) => _deleteInbox.Execute(instanceId);

    public void DeleteInboxForTask(string instanceId, int taskId) => _deleteInboxForTask.Execute(instanceId, taskId);

    public bool HasTimerMessage(string instanceId, int taskId) => (_hasTimerMessage.ScalarInt64(instanceId, taskId) ?? 0) != 0;

    public void InsertActivity(string instanceId, string executionId, int taskId, string name, string? input)
    {
        var id = ++_lastWorkItemId;
        _insertActivity.Execute(id, instanceId, executionId, taskId, name, input, SqliteValues.Ticks(Now));
        Effects.Activities.Add(new ActivityWorkItem(id, instanceId, executionId, taskId, name, input));
    }

    /// <summary>Deletes a work item; false when it is already gone (its instance was terminated, purged or rewound).</summary>
    public bool DeleteActivity(long workItemId) => _deleteActivity.Execute(workItemId) > 0;

    public void DeleteActivities(string instanceId) =>
        Effects.CancelledActivities.AddRange(_deleteActivities.ReturningIds(instanceId));

    public void DeleteActivitiesForTask(string instanceId, int taskId) =>
        Effects.CancelledActivities.AddRange(_deleteActivitiesForTask.ReturningIds(instanceId, taskId));

    public bool HasActivity(string instanceId, int taskId) => (_hasActivity.ScalarInt64(instanceId, taskId) ?? 0) != 0;

    public void Dispose()
    {
        foreach (var statement in _all)
        {
            statement.Dispose();
        }
    }

    private Statement Add(SqliteConnection connection, string sql, params string[] parameters)
    {
        var statement = new Statement(connection, sql, parameters);
        _all.Add(statement);
        return statement;
    }
}
