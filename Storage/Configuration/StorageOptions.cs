namespace DurableLessons.Storage.Configuration;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Storage:Provider</c>: <c>Sqlite</c> (default, the embedded host) or <c>Table</c> (Azure Table storage / Azurite).</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary><c>Storage:Table:*</c>, used when the provider is <c>Table</c>.</summary>
    public TableStorageOptions Table { get; set; } = new();

    internal StorageProvider ProviderKind =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : StorageProvider.Sqlite;
}
