using System.Security.Cryptography;

namespace DurableLessons.Testing.Azurite;

/// <summary>The storage account Azurite serves: its name and shared key.</summary>
public sealed record AzuriteAccount(string Name, string Key)
{
    /// <summary>The storage emulators' well-known development account (its key is public).</summary>
    public static AzuriteAccount Development { get; } = new(
        "devstoreaccount1",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");

    /// <summary>An account whose key is fresh random bytes: a real secret a test can look for in logs and responses.</summary>
    public static AzuriteAccount WithSecretKey(string name) => new(name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
}
