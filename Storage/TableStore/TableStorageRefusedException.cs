using DurableLessons.Shared.Storage;

namespace DurableLessons.Storage.TableStore;

/// <summary>Table storage refused our credentials: a configuration error no retry can mend.</summary>
public sealed class TableStorageRefusedException : StorageRefusedException
{
    public TableStorageRefusedException()
    {
    }

    public TableStorageRefusedException(string message)
        : base(message)
    {
    }

    public TableStorageRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableStorageRefusedException(string message, int status)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The HTTP status the service answered with (401 or 403).</summary>
    public int Status { get; }
}
