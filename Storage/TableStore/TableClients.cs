using Azure.Core;
using Azure.Data.Tables;
using DurableLessons.Storage.Configuration;

namespace DurableLessons.Storage.TableStore;

/// <summary>Builds the Azure SDK's <see cref="TableServiceClient"/> from <c>Storage:Table</c>.</summary>
public static class TableClients
{
    /// <summary>
    /// The SDK options the host uses. In-request retries stay short (4 retries, 200 ms doubling to 10 s, 30 s per try):
    /// they ride out a blip. A longer outage is the workflow's storage retry policy's job (<c>Lessons:StorageRetryAttempts</c>,
    /// 2 s doubling to 30 s), which is durable and shows in the run; the SDK's defaults (up to a minute between retries,
    /// 100 s per try) would hold each of those attempts for minutes and multiply the two policies' waits.
    /// </summary>
    public static TableClientOptions DefaultOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>
    /// A client on the connection string (account key, SAS or <c>UseDevelopmentStorage=true</c>) or, without one, on the
    /// endpoint with <paramref name="credential"/> (Entra ID). A refusal (401/403) fails with the setting to check.
    /// </summary>
    public static TableServiceClient Create(TableStorageOptions table, TableClientOptions clientOptions, Func<TokenCredential> credential)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(clientOptions);
        ArgumentNullException.ThrowIfNull(credential);
        if (!string.IsNullOrWhiteSpace(table.ConnectionString))
        {
            clientOptions.AddPolicy(
                new TableRefusalPolicy("check the account name and key (or SAS) in Storage:Table:ConnectionString."), HttpPipelinePosition.PerCall);
            return new TableServiceClient(table.ConnectionString, clientOptions);
        }

        clientOptions.AddPolicy(
            new TableRefusalPolicy("check that Storage:Table:Endpoint names the right account and that the identity DefaultAzureCredential " +
                                   "signs in as has the 'Storage Table Data Contributor' role on it."),
            HttpPipelinePosition.PerCall);
        return new TableServiceClient(new Uri(table.Endpoint!), credential(), clientOptions);
    }
}
