namespace DurableLessons.Llm.Configuration;

/// <summary>
/// The "Llm" configuration section. With no providers the offline author is used; otherwise providers are tried in
/// order for every step (env form: <c>Llm__Providers__0__Endpoint</c>).
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public IList<LlmProviderOptions> Providers { get; } = [];

    /// <summary>
    /// The entries that configure something, in order. An entry whose values are all blank (say, from a compose file
    /// whose variables are unset) counts as not configured.
    /// </summary>
    public IReadOnlyList<LlmProviderOptions> ConfiguredProviders => Providers.Where(p => !p.IsBlank).ToArray();

    /// <summary>
    /// A 429 whose Retry-After is at most this many seconds is retried once on the same provider; a longer (or missing)
    /// Retry-After falls back to the next provider at once.
    /// </summary>
    public int MaxRetryAfterSeconds { get; set; } = 5;
}

/// <summary>One OpenAI-compatible chat-completions endpoint.</summary>
public sealed class LlmProviderOptions
{
    public const string DefaultEndpoint = "https://api.openai.com/v1";

    /// <summary>Shown in logs and in the lesson's generator ("{Name}/{Model}"); defaults to the endpoint's host.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The API base URL the client appends <c>chat/completions</c> to: <c>https://api.openai.com/v1</c> (the default),
    /// Azure OpenAI v1 <c>https://{resource}.openai.azure.com/openai/v1/</c>, or any compatible server such as
    /// <c>http://127.0.0.1:8080/v1</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Sent as <c>Authorization: Bearer</c>; Azure OpenAI's v1 endpoint accepts its resource key that way. Optional for
    /// local servers that need no key.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The model name (for Azure OpenAI, the deployment name).</summary>
    public string? Model { get; set; }

    /// <summary>Network timeout of one call to this provider; when it passes, the next provider is tried.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    internal bool IsBlank =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Endpoint) && string.IsNullOrWhiteSpace(ApiKey) && string.IsNullOrWhiteSpace(Model);
}
