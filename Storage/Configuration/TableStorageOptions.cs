namespace DurableLessons.Storage.Configuration;

/// <summary>The <c>Storage:Table</c> section: one of a connection string (account key, Azurite) or an endpoint (Entra ID).</summary>
public sealed class TableStorageOptions
{
    public const string DefaultTablePrefix = "DurableLessons";

    /// <summary><c>Storage:Table:ConnectionString</c>: account-key connection string, or <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>Storage:Table:Endpoint</c>: https Table endpoint reached with DefaultAzureCredential (Entra ID).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>Storage:Table:TablePrefix</c>: prefix of the tables {prefix}Lessons, {prefix}LessonIndex, {prefix}Artifacts.</summary>
    public string TablePrefix { get; set; } = DefaultTablePrefix;
}
