namespace DurableLessons.Shared.Storage;

/// <summary>
/// Reading or writing a run's intermediate artifacts failed because the store was unreachable or refused the request:
/// a fault of the storage, not of the step's own work, so orchestrations retry it with the storage policy's patience
/// instead of counting it against the step (or skipping a research source for it).
/// </summary>
public sealed class ArtifactStorageException : Exception
{
    public ArtifactStorageException()
    {
    }

    public ArtifactStorageException(string message)
        : base(message)
    {
    }

    public ArtifactStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
