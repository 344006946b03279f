using Azure.Core;

namespace DurableLessons.Storage.Tables;

/// <summary>Pipeline options for <see cref="TableServiceClient"/>: retries of transient failures, transport, diagnostics.</summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The Table service REST version every request is sent with (x-ms-version).</summary>
    public const string ServiceVersion = "2019-02-02";

    public TableClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
