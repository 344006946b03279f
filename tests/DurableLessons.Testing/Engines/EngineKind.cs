namespace DurableLessons.Testing.Engines;

/// <summary>The two engines workflow code runs on.</summary>
public enum EngineKind
{
    /// <summary>The embedded SQLite engine (Engine/), as the local host runs it.</summary>
    Embedded,

    /// <summary>
    /// The Durable Task SDK on the Durable Task Framework (the in-process test host), with the checks the Durable
    /// Functions extension adds around orchestrators, as on Azure Functions.
    /// </summary>
    DurableTask,
}
