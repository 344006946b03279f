using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>
/// What the host has written: every orchestration instance (id and status, read through the list webhook) and the
/// row count of each table of lessons.db (lessons, artifacts, syllabi). Two snapshots are equal when nothing was written.
/// </summary>
public sealed record StoredState(IReadOnlyList<string> Instances, IReadOnlyDictionary<string, long> Rows)
{
    private static readonly string[] Tables = ["lesson_versions", "artifacts", "syllabi"];

    public static async Task<StoredState> ReadAsync(HttpClient client, string systemKey, string dataDirectory)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/runtime/webhooks/durabletask/instances?top=1000&showInput=false");
        request.Headers.Add("x-functions-key", systemKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Listing instances failed: {(int)response.StatusCode} {body}");
        Assert.False(response.Headers.Contains("x-ms-continuation-token"), "More than 1000 instances; the snapshot would be partial.");
        using var document = JsonDocument.Parse(body);
        var instances = document.RootElement.EnumerateArray()
            .Select(instance => $"{instance.GetProperty("instanceId").GetString()} ({instance.GetProperty("runtimeStatus").GetString()})")
            .Order(StringComparer.Ordinal)
            .ToList();
        return new StoredState(instances, await CountRowsAsync(Path.Combine(dataDirectory, "lessons.db")));
    }

    public string Describe() =>
        $"instances: [{string.Join(", ", Instances)}]; rows: {string.Join(", ", Rows.Select(row => $"{row.Key}={row.Value}"))}";

    private static async Task<Dictionary<string, long>> CountRowsAsync(string databasePath)
    {
        var rows = Tables.ToDictionary(table => table, _ => 0L, StringComparer.Ordinal);
        if (!File.Exists(databasePath))
        {
            return rows;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        foreach (var table in Tables)
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            exists.Parameters.AddWithValue("$name", table);
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                continue;
            }

            await using var count = connection.CreateCommand();
#pragma warning disable CA2100 // The table name comes from the fixed list above.
            count.CommandText = $"SELECT COUNT(*) FROM {table}";
#pragma warning restore CA2100
            rows[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return rows;
    }
}
