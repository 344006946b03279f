namespace DurableLessons.Engine.Runtime;

/// <summary>The rules for instance ids (as Durable's: no path or query characters, no control characters).</summary>
internal static class InstanceIds
{
    public const int MaxLength = 256;

    public static void Validate(string? instanceId, string parameterName = "instanceId")
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            throw new ArgumentException("An instance id must not be empty.", parameterName);
        }

        if (instanceId.Length > MaxLength)
        {
            throw new ArgumentException($"An instance id must be at most {MaxLength} characters; this one has {instanceId.Length}.", parameterName);
        }

        foreach (var character in instanceId)
        {
            if (character is '/' or '\\' or '#' or '?' || char.IsControl(character))
            {
                throw new ArgumentException(
                    $"The instance id '{Printable(instanceId)}' contains '{Printable(character.ToString())}'; '/', '\\', '#', '?' and control characters are not allowed.",
                    parameterName);
            }
        }
    }

    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
