namespace DurableLessons.Storage.Tables;

/// <summary>A Table service request failed with an error status that retrying will not fix.</summary>
public class TableStorageException : Exception
{
    public TableStorageException(string message, int status, string? errorCode, int? failedActionIndex = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>The HTTP status the service answered with.</summary>
    public int Status { get; }

    /// <summary>The service's error code, e.g. <c>EntityAlreadyExists</c>, when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>For a failed transaction, the zero-based index of the action the service rejected, when it said which.</summary>
    public int? FailedActionIndex { get; }
}

/// <summary>409: the entity (or table) already exists.</summary>
public sealed class TableConflictException(string message, string? errorCode, int? failedActionIndex = null)
    : TableStorageException(message, 409, errorCode, failedActionIndex);

/// <summary>412: the entity changed since its ETag was read (optimistic concurrency lost).</summary>
public sealed class TablePreconditionFailedException(string message, string? errorCode, int? failedActionIndex = null)
    : TableStorageException(message, 412, errorCode, failedActionIndex);

/// <summary>404: the entity or the table does not exist (see <see cref="TableStorageException.ErrorCode"/>).</summary>
public sealed class TableResourceNotFoundException(string message, string? errorCode, int? failedActionIndex = null)
    : TableStorageException(message, 404, errorCode, failedActionIndex);
