using System.Security.Cryptography;
using System.Text;

namespace DurableLessons.Engine.Runtime;

/// <summary>
/// Name-based (version 5) UUIDs as Durable Task makes them for <c>NewGuid</c>: the name is the instance id, the
/// replay-safe time and a per-execution counter, so every replay produces the same sequence.
/// </summary>
internal static class DeterministicGuid
{
    private static readonly Guid Namespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string instanceId, DateTime currentUtc, int counter)
    {
        var name = $"{instanceId}_{currentUtc:o}_{counter}";
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(buffer, 0);
        nameBytes.CopyTo(buffer, namespaceBytes.Length);
#pragma warning disable CA5350 // RFC 4122 version 5 is defined on SHA-1; this is an identifier, not a security hash.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
