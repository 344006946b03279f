namespace DurableLessons.Hosts.Local.Engines;

/// <summary>What runs the workflows (<c>Engine:Provider</c>).</summary>
public enum EngineProvider
{
    /// <summary>The embedded engine: one process, one SQLite journal under <c>DataDirectory</c>.</summary>
    Sqlite,

    /// <summary>The Durable Task Framework on Azure Storage (or Azurite): any number of processes on one task hub.</summary>
    AzureStorage,
}
