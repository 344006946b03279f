namespace DurableLessons.Storage.TableStore;

/// <summary>
/// Table storage refused our credentials: a configuration error no retry can mend. An <see cref="InvalidOperationException"/>,
/// so workflow steps that retry storage faults fail at once on it where they refuse to retry refusals.
/// </summary>
public sealed class TableStorageRefusedException : InvalidOperationException
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
