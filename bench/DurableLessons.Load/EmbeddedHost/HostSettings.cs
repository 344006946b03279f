using System.Globalization;

namespace DurableLessons.Load.EmbeddedHost;

/// <summary>The configuration the host process is started with; printed with the results.</summary>
internal sealed record HostSettings(
    string ModelEndpoint,
    int MaxConcurrentOrchestrations,
    int MaxConcurrentActivities,
    IReadOnlyList<KeyValuePair<string, string>> Environment)
{
    /// <summary>Configuration keys passed as command-line arguments (the highest-priority configuration source).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConfigurationKeys() =>
    [
        new("Storage:Provider", "Sqlite"),
        new("Engine:MaxConcurrentOrchestrations", MaxConcurrentOrchestrations.ToString(CultureInfo.InvariantCulture)),
        new("Engine:MaxConcurrentActivities", MaxConcurrentActivities.ToString(CultureInfo.InvariantCulture)),
        new("Llm:Providers:0:Name", "fake"),
        new("Llm:Providers:0:Endpoint", ModelEndpoint),
        new("Llm:Providers:0:Model", "load-model"),
        new("Llm:Providers:0:TimeoutSeconds", "60"),
        new("Research:Sources:local:Enabled", "true"),
        new("Logging:LogLevel:Default", "Warning"),
        new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
    ];

    public string Describe() =>
        $"Engine:MaxConcurrentOrchestrations={MaxConcurrentOrchestrations}, Engine:MaxConcurrentActivities={MaxConcurrentActivities}, " +
        "Storage:Provider=Sqlite, research: local corpus only, Llm:Providers:0 = the fake model (TimeoutSeconds=60), logging at Warning" +
        (Environment.Count == 0 ? string.Empty : ", environment: " + string.Join(" ", Environment.Select(e => $"{e.Key}={e.Value}")));
}
