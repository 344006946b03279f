using Azure.Data.Tables;

namespace DurableLessons.Storage.Configuration;

/// <summary>Start-up check of <c>Storage:Table:ConnectionString</c> by the SDK's own parser.</summary>
internal static class TableConnectionStrings
{
    /// <summary>True if the SDK can build a client from it.</summary>
    /// <remarks>The SDK's reasons are not passed on: some quote parts of the string, which may hold the key.</remarks>
    public static bool IsUsable(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
