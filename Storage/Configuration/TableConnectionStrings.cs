using Azure.Data.Tables;

namespace DurableLessons.Storage.Configuration;

/// <summary>Start-up check of <c>Storage:Table:ConnectionString</c>, by the SDK's own parser; reasons never echo the key.</summary>
internal static class TableConnectionStrings
{
    private static readonly string[] SecretSettings = ["AccountKey", "SharedAccessSignature"];

    /// <summary>Why the SDK cannot use the connection string, or null if it can.</summary>
    public static string? Problem(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            return WithoutSecrets(exception.Message, connectionString);
        }
    }

    private static string WithoutSecrets(string message, string connectionString)
    {
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && SecretSettings.Contains(segment[..equals].Trim(), StringComparer.OrdinalIgnoreCase) && equals + 1 < segment.Length)
            {
                message = message.Replace(segment[(equals + 1)..], "***", StringComparison.Ordinal);
            }
        }

        return message;
    }
}
