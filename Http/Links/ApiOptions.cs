namespace DurableLessons.Http.Links;

/// <summary>How the <c>/api</c> starters answer, bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The configuration keys, as operators write them (for messages).</summary>
    public const string PublicStatusLinksSetting = SectionName + ":" + nameof(PublicStatusLinks);

    public const string StatusLinkKeySetting = SectionName + ":" + nameof(StatusLinkKey);

    /// <summary>
    /// False (the default) answers starts like Durable's <c>CreateCheckStatusResponse</c>: every management link,
    /// carrying the system key when one is set. True answers a signed, read-only status link of that one run instead,
    /// which a browser can hold without holding any key.
    /// </summary>
    public bool PublicStatusLinks { get; set; }

    /// <summary>
    /// The secret status links are signed with. Optional: when empty, a key derived from <c>Security:SystemKey</c> is
    /// used. Setting it lets operators rotate (and so revoke) every issued link without changing the system key.
    /// </summary>
    public string? StatusLinkKey { get; set; }

    public bool HasStatusLinkKey => !string.IsNullOrEmpty(StatusLinkKey);
}
