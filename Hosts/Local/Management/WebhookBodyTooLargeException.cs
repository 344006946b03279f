namespace DurableLessons.Hosts.Local.Management;

/// <summary>A request body over <see cref="WebhookOptions.MaxRequestBodyBytes"/>: answered 413.</summary>
public sealed class WebhookBodyTooLargeException(int limitBytes)
    : Exception($"The request body exceeds the limit of {limitBytes} bytes.")
{
    public int LimitBytes { get; } = limitBytes;
}
