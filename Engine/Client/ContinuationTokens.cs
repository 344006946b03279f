using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DurableLessons.Engine.Storage;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Engine.Client;

/// <summary>
/// Opaque query continuation tokens: the keyset position of the last instance returned, signed (HMAC-SHA256 with a
/// per-database key) together with the query's filters, so a token that was altered, made up, or used with other
/// filters is rejected instead of silently returning a wrong page.
/// </summary>
internal static class ContinuationTokens
{
    private const int MacLength = 16;

    public static string Create(QueryCursor cursor, OrchestrationQuery query, byte[] key)
    {
        var payload = Encoding.UTF8.GetBytes($"{cursor.CreatedAtTicks.ToString(CultureInfo.InvariantCulture)}:{cursor.InstanceId}");
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Sign(payload, query, key))}";
    }

    /// <exception cref="ArgumentException">The token is not one this database issued for this query.</exception>
    public static QueryCursor Read(string token, OrchestrationQuery query, byte[] key)
    {
        var separator = token.IndexOf('.', StringComparison.Ordinal);
        if (separator > 0 &&
            TryDecode(token[..separator], out var payload) &&
            TryDecode(token[(separator + 1)..], out var mac) &&
            CryptographicOperations.FixedTimeEquals(mac, Sign(payload, query, key)))
        {
            var text = Encoding.UTF8.GetString(payload);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return new QueryCursor(ticks, text[(colon + 1)..]);
            }
        }

        throw new ArgumentException("The continuation token is not valid for this query.", nameof(query));
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length > 4096)
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Sign(byte[] payload, OrchestrationQuery query, byte[] key)
    {
        var statuses = query.Statuses is null ? string.Empty : string.Join(',', query.Statuses.Select(s => (int)s).Distinct().Order());
        var filter = Encoding.UTF8.GetBytes(string.Join(
            '\n',
            query.CreatedFrom?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            query.CreatedTo?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            statuses,
            query.InstanceIdPrefix));
        var signed = new byte[payload.Length + 1 + filter.Length];
        payload.CopyTo(signed, 0);
        signed[payload.Length] = (byte)'\n';
        filter.CopyTo(signed, payload.Length + 1);
        return HMACSHA256.HashData(key, signed).AsSpan(0, MacLength).ToArray();
    }
}
