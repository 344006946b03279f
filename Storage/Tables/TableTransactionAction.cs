using Azure;

namespace DurableLessons.Storage.Tables;

public enum TableTransactionActionType
{
    /// <summary>Insert; the transaction fails with 409 if the entity exists.</summary>
    Add,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Merge into an existing entity; fails with 412 if its ETag no longer matches (404 if it is gone).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity; fails with 412 if its ETag no longer matches (404 if it is gone).</summary>
    UpdateReplace,

    /// <summary>Delete an existing entity; fails with 412 on an ETag mismatch, 404 if it is gone.</summary>
    Delete,
}

/// <summary>One operation of an entity-group transaction. <paramref name="IfMatch"/> applies to updates and deletes; default means any version ("*").</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag IfMatch = default);
