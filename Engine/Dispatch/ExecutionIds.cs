namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// New execution ids: random version-4 GUIDs in the "N" format, as Durable Task makes them, but drawn from the
/// runtime's fast per-thread generator. <see cref="Guid.NewGuid"/> reads the kernel's random source once per call,
/// a system call on every start; an execution id only tells executions of one instance apart and is never a secret.
/// </summary>
internal static class ExecutionIds
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (the high nibble of the third group, little-endian)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes).ToString("N");
    }
}
