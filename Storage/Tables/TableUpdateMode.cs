namespace DurableLessons.Storage.Tables;

/// <summary>How an update treats properties the new entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep them (HTTP PATCH, "merge").</summary>
    Merge,

    /// <summary>Drop them (HTTP PUT, "replace").</summary>
    Replace,
}
