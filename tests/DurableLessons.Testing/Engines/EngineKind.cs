namespace DurableLessons.Testing.Engines;

/// <summary>The engines workflow code runs on.</summary>
public enum EngineKind
{
    /// <summary>The embedded SQLite engine (Engine/), as the local host runs it.</summary>
    Embedded,

    /// <summary>
    /// The Durable Task SDK on the Durable Task Framework (the in-process test host), with the checks the Durable
    /// Functions extension adds around orchestrators, as on Azure Functions.
    /// </summary>
    DurableTask,

    /// <summary>
    /// The Durable Task Framework's <c>TaskHubWorker</c> on Azure Storage (Azurite), as the host runs it with
    /// <c>Engine:Provider=AzureStorage</c>. Only suites that opt in with <see cref="AlsoOnAzureStorageEngineAttribute"/>.
    /// </summary>
    AzureStorage,
}
