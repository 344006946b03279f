namespace DurableLessons.Http.Security;

/// <summary>Keys guarding the management webhooks, bound from the <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>The configuration key, as operators write it (for messages).</summary>
    public const string SystemKeySetting = SectionName + ":" + nameof(SystemKey);

    public const int MinimumSystemKeyLength = 16;

    /// <summary>The one rule every key and signing secret follows: long enough, no whitespace or control characters.</summary>
    public static bool IsWellFormedKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length >= MinimumSystemKeyLength && !key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }

    /// <summary>
    /// The Durable "system key": when set, every management webhook requires it as the <c>code</c> query parameter
    /// or the <c>x-functions-key</c> header. When empty, the host only listens on loopback addresses.
    /// </summary>
    public string? SystemKey { get; set; }

    public bool HasSystemKey => !string.IsNullOrEmpty(SystemKey);

    /// <summary>The configuration key of <see cref="FunctionKey"/>, as operators write it.</summary>
    public const string FunctionKeySetting = SectionName + ":" + nameof(FunctionKey);

    /// <summary>
    /// When set, every <c>/api/*</c> route requires it (or the system key) as the <c>code</c> query parameter or the
    /// <c>x-functions-key</c> header. It never opens <c>/api/admin/*</c> or the webhooks, which need the system key.
    /// </summary>
    public string? FunctionKey { get; set; }

    public bool HasFunctionKey => !string.IsNullOrEmpty(FunctionKey);
}
