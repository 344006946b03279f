using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DurableLessons.Storage.TableStore;

/// <summary>
/// Artifact keys as partition keys. Letters, digits, '-' and '.' stay; every other UTF-16 unit becomes "_XXXX" (hex),
/// so the form is key-safe (no '/', '\', '#', '?', controls, quotes) and prefix-preserving: the key of every artifact
/// under a prefix starts with the encoded prefix, which makes prefix deletion a range query. Encodings longer than
/// <see cref="MaxPlainLength"/> keep that many characters plus '~' and a hash (partition keys are limited to 1 KiB).
/// </summary>
internal static class ArtifactPartitionKey
{
    public const int MaxPlainLength = 400;

    /// <summary>Greater than every character an encoding can hold after the prefix ('~' followed by a hex digit included).</summary>
    private const string UpperBoundSuffix = "~~";

    public static string For(string key)
    {
        var encoded = Encode(key);
        return encoded.Length <= MaxPlainLength
            ? encoded
            : $"{encoded[..MaxPlainLength]}~{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16))}";
    }

    /// <summary>The partition-key range holding every artifact whose key starts with <paramref name="prefix"/> (and possibly a few more, for long prefixes).</summary>
    public static (string From, string ExclusiveTo) RangeFor(string prefix)
    {
        var encoded = Encode(prefix);
        if (encoded.Length > MaxPlainLength)
        {
            encoded = encoded[..MaxPlainLength];
        }

        return (encoded, encoded + UpperBoundSuffix);
    }

    private static string Encode(string key)
    {
        var builder = new StringBuilder(key.Length + 16);
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('_').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
