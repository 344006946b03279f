using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using DurableLessons.Shared.Practice;
using DurableLessons.Storage.Configuration;
using DurableLessons.Storage.TableStore;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Practice;

/// <summary>
/// Transcripts in the table {prefix}Practice, one partition per session: a row "turn~{messageId}" per turn (inserted,
/// so a second append of a message id conflicts and the first is kept) holding its JSON in chunked properties and the
/// time it was appended, by which the transcript is ordered; a row "inbox~{messageId}" per accepted message, the same
/// way; and a row "summary".
/// </summary>
internal sealed class TablePracticeStore(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider time) : IPracticeStore, IDisposable
{
    private const string TurnPrefix = "turn~";
    private const string InboxPrefix = "inbox~";
    private const string SummaryRow = "summary";
    private const string AppendedTicks = nameof(AppendedTicks);
    private const string Content = nameof(Content);

    private readonly ProvisionedTable practice = new(service.GetTableClient(options.Value.Table.TablePrefix + "Practice"));

    public async Task<PracticeTurn> AppendTurnAsync(string sessionId, PracticeTurn turn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(turn);
        return await AppendOnceAsync(sessionId, TurnPrefix + turn.MessageId, PracticeJson.Serialize(turn), cancellationToken)
            ? turn
            : await FindTurnAsync(sessionId, turn.MessageId, cancellationToken)
                ?? throw new InvalidOperationException($"Turn '{turn.MessageId}' of session '{sessionId}' conflicted but cannot be read.");
    }

    public async Task<PracticeTurn?> FindTurnAsync(string sessionId, string messageId, CancellationToken cancellationToken)
    {
        var table = await practice.GetAsync(cancellationToken);
        var row = await table.FindAsync(sessionId, TurnPrefix + messageId, select: null, cancellationToken);
        return row is null ? null : Read<PracticeTurn>(row);
    }

    public Task<IReadOnlyList<PracticeTurn>> GetTranscriptAsync(string sessionId, CancellationToken cancellationToken) =>
        InArrivalOrderAsync<PracticeTurn>(sessionId, TurnPrefix, cancellationToken);

    public async Task AddMessageAsync(string sessionId, PracticeMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(message);
        // Accepted before (a client retry): the first copy stays.
        await AppendOnceAsync(sessionId, InboxPrefix + message.MessageId, PracticeJson.Serialize(message), cancellationToken);
    }

    public Task<IReadOnlyList<PracticeMessage>> GetMessagesAsync(string sessionId, CancellationToken cancellationToken) =>
        InArrivalOrderAsync<PracticeMessage>(sessionId, InboxPrefix, cancellationToken);

    public async Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var table = await practice.GetAsync(cancellationToken);
        foreach (var prefix in (string[])[TurnPrefix, InboxPrefix])
        {
            await foreach (var row in RowsAsync(sessionId, prefix, cancellationToken))
            {
                await table.DeleteEntityAsync(sessionId, row.RowKey, default, cancellationToken);
            }
        }

        await table.DeleteEntityAsync(sessionId, SummaryRow, default, cancellationToken);
    }

    public async Task SaveSummaryAsync(PracticeSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = await practice.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(Row(summary.SessionId, SummaryRow, PracticeJson.Serialize(summary)), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<PracticeSummary?> GetSummaryAsync(string sessionId, CancellationToken cancellationToken)
    {
        var table = await practice.GetAsync(cancellationToken);
        var row = await table.FindAsync(sessionId, SummaryRow, select: null, cancellationToken);
        return row is null ? null : Read<PracticeSummary>(row);
    }

    public async Task<IReadOnlyList<PracticeSummary>> ListSummariesAsync(string sessionIdPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionIdPrefix);
        var table = await practice.GetAsync(cancellationToken);
        if (!sessionIdPrefix.EndsWith('~'))
        {
            throw new ArgumentException("A session id prefix ends with '~'.", nameof(sessionIdPrefix));
        }

        // As in RowsAsync: the ids that start with the prefix sort below it with 0x7F in place of its final '~'.
        var upperBound = sessionIdPrefix[..^1] + "\u007f";
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {sessionIdPrefix} and PartitionKey lt {upperBound} and RowKey eq {SummaryRow}");
        var summaries = new List<PracticeSummary>();
        await foreach (var row in table.QueryAllAsync(filter, select: null, cancellationToken))
        {
            summaries.Add(Read<PracticeSummary>(row));
        }

        return summaries;
    }

    public void Dispose() => practice.Dispose();

    /// <summary>Inserts a turn or a message; false when its row already exists (the first copy is kept).</summary>
    private async Task<bool> AppendOnceAsync(string sessionId, string rowKey, string json, CancellationToken cancellationToken)
    {
        var table = await practice.GetAsync(cancellationToken);
        var row = Row(sessionId, rowKey, json);
        row[AppendedTicks] = time.GetUtcNow().UtcTicks;
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<T>> InArrivalOrderAsync<T>(string sessionId, string prefix, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in RowsAsync(sessionId, prefix, cancellationToken))
        {
            rows.Add(row);
        }

        return rows.OrderBy(row => row.GetInt64(AppendedTicks) ?? 0)
            .ThenBy(row => row.RowKey, StringComparer.Ordinal)
            .Select(Read<T>)
            .ToList();
    }

    private async IAsyncEnumerable<TableEntity> RowsAsync(string sessionId, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await practice.GetAsync(cancellationToken);
        // Every prefix ends with '~' (0x7E): the keys that start with it sort below the prefix with 0x7F in its place.
        var upperBound = prefix[..^1] + "\u007f";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {sessionId} and RowKey ge {prefix} and RowKey lt {upperBound}");
        await foreach (var row in table.QueryAllAsync(filter, select: null, cancellationToken))
        {
            yield return row;
        }
    }

    private static TableEntity Row(string partition, string rowKey, string json)
    {
        var row = new TableEntity(partition, rowKey);
        TextChunks.Write(row, Content, json);
        return row;
    }

    private static T Read<T>(TableEntity row) => PracticeJson.Deserialize<T>(TextChunks.Read(row, Content, $"Practice row '{row.RowKey}'"));
}
