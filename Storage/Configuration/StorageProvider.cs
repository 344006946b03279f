namespace DurableLessons.Storage.Configuration;

/// <summary>Where lessons and artifacts live (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>The embedded default: one SQLite file, <c>{DataDirectory}/lessons.db</c>.</summary>
    Sqlite,

    /// <summary>Azure Table storage, or Azurite in development.</summary>
    Table,
}
