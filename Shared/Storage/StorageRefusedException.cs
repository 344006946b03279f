namespace DurableLessons.Shared.Storage;

/// <summary>
/// The store refused our credentials or configuration (Table storage's 401/403): no retry can mend it, so the storage
/// retry policies fail at once on it, and the message names the setting to check. An
/// <see cref="InvalidOperationException"/>, so steps that refuse to retry refusals treat it as one too.
/// </summary>
public class StorageRefusedException : InvalidOperationException
{
    public StorageRefusedException()
    {
    }

    public StorageRefusedException(string message)
        : base(message)
    {
    }

    public StorageRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
