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
    /// The API base URL: for kind <c>OpenAI</c> the client appends <c>chat/completions</c> to it
    /// (<c>https://api.openai.com/v1</c>, the default, or a compatible server such as <c>http://127.0.0.1:8080/v1</c>);
    /// for kind <c>AzureOpenAI</c> the resource, <c>https://{resource}.openai.azure.com/</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Sent as <c>Authorization: Bearer</c> (kind <c>OpenAI</c>) or <c>api-key</c> (kind <c>AzureOpenAI</c>). Optional
    /// for local servers that need no key; an Azure OpenAI provider without one signs in with Entra ID.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The model name; for Azure OpenAI, the deployment name when <see cref="Deployment"/> is not set.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// <c>OpenAI</c> (OpenAI or any compatible server) or <c>AzureOpenAI</c>; by default <c>AzureOpenAI</c> when the
    /// endpoint's host ends in <c>.openai.azure.com</c> or <c>.cognitiveservices.azure.com</c>, <c>OpenAI</c> otherwise.
    /// </summary>
    public string? Kind { get; set; }

    /// <summary>Azure OpenAI only: the deployment to call; falls back to <see cref="Model"/>.</summary>
    public string? Deployment { get; set; }

    /// <summary>Azure OpenAI only: the <c>api-version</c> to ask for, such as <c>2024-10-21</c>; the SDK's default otherwise.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>
    /// Azure OpenAI only, when no <see cref="ApiKey"/> is set: the client id of the user-assigned managed identity that
    /// Entra ID sign-in (DefaultAzureCredential) should use.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Network timeout of one call to this provider; when it passes, the next provider is tried.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Price in USD per million input tokens, for the estimated-cost metric; unset records no cost.</summary>
    public double? InputCostPerMillionTokens { get; set; }

    /// <summary>Price in USD per million output tokens, for the estimated-cost metric.</summary>
    public double? OutputCostPerMillionTokens { get; set; }

    internal bool IsBlank =>
        new[] { Name, Endpoint, ApiKey, Model, Kind, Deployment, ApiVersion, ManagedIdentityClientId }.All(string.IsNullOrWhiteSpace);
}
