using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using DurableLessons.Llm.Configuration;
using OpenAI;
using OpenAI.Chat;

namespace DurableLessons.Llm.Model;

/// <summary>One configured provider: its display name, model (or Azure deployment), timeout and a ready chat client.</summary>
internal sealed class ChatProvider
{
    // Keyless local servers still get a bearer header: the client requires a credential, and such servers ignore it.
    private const string PlaceholderKey = "no-key";

    private readonly string? apiKey;

    private ChatProvider(string name, string model, TimeSpan timeout, string? apiKey, ChatClient client, LlmProviderOptions options)
    {
        Name = name;
        Model = model;
        Timeout = timeout;
        this.apiKey = apiKey;
        Client = client;
        System = LlmProviderKinds.Of(options) == LlmProviderKind.AzureOpenAI ? "az.ai.openai" : "openai";
        InputCostPerMillionTokens = options.InputCostPerMillionTokens;
        OutputCostPerMillionTokens = options.OutputCostPerMillionTokens;
    }

    /// <summary>OpenTelemetry's <c>gen_ai.system</c> for this provider's API.</summary>
    public string System { get; }

    public double? InputCostPerMillionTokens { get; }

    public double? OutputCostPerMillionTokens { get; }

    public string Name { get; }

    public string Model { get; }

    public TimeSpan Timeout { get; }

    public ChatClient Client { get; }

    /// <summary>The lesson's generator label, "{Name}/{Model}".</summary>
    public string Generator => $"{Name}/{Model}";

    public static ChatProvider Create(LlmProviderOptions options, IAzureCredentialSource credentials)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        var endpoint = EndpointOf(options);
        var model = ModelOf(options) ?? throw new ArgumentException("A provider needs a model or deployment.", nameof(options));
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();
        var client = LlmProviderKinds.Of(options) == LlmProviderKind.AzureOpenAI
            ? CreateAzureClient(options, endpoint, model, timeout, apiKey, credentials)
            : CreateOpenAIClient(endpoint, model, timeout, apiKey);
        return new ChatProvider(NameOf(options), model, timeout, apiKey, client, options);
    }

    private static ChatClient CreateOpenAIClient(Uri endpoint, string model, TimeSpan timeout, string? apiKey)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = timeout,

            // Fallback to the next provider is the retry strategy; the chain itself honours one short Retry-After.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "DurableLessons",
        };
        return new ChatClient(model, new ApiKeyCredential(apiKey ?? PlaceholderKey), clientOptions);
    }

    private static ChatClient CreateAzureClient(
        LlmProviderOptions options, Uri endpoint, string deployment, TimeSpan timeout, string? apiKey, IAzureCredentialSource credentials)
    {
        var clientOptions = AzureApiVersions.Parse(options.ApiVersion) is { } version
            ? new AzureOpenAIClientOptions(version)
            : new AzureOpenAIClientOptions();
        clientOptions.NetworkTimeout = timeout;

        // As above: the chain decides retries and fallback, never the SDK.
        clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        clientOptions.UserAgentApplicationId = "DurableLessons";
        var resource = AzureResourceOf(endpoint);
        var client = apiKey is null
            ? new AzureOpenAIClient(resource, credentials.CredentialFor(options), clientOptions)
            : new AzureOpenAIClient(resource, new ApiKeyCredential(apiKey), clientOptions);
        return client.GetChatClient(deployment);
    }

    /// <summary>
    /// The resource the Azure client appends <c>openai/deployments/…</c> to. An endpoint written for the OpenAI client
    /// (<c>https://{resource}.openai.azure.com/openai/v1/</c>, as documented before the Azure client) loses its
    /// <c>openai/v1</c>, so that configuration keeps working when its host makes it an Azure provider.
    /// </summary>
    public static Uri AzureResourceOf(Uri endpoint)
    {
        const string V1Path = "/openai/v1";
        var path = endpoint.AbsolutePath.TrimEnd('/');
        return path.EndsWith(V1Path, StringComparison.OrdinalIgnoreCase)
            ? new UriBuilder(endpoint) { Path = path[..^V1Path.Length] + "/", Query = string.Empty }.Uri
            : endpoint;
    }

    /// <summary>What the provider is asked for: the Azure deployment (else the model), or the model.</summary>
    public static string? ModelOf(LlmProviderOptions options)
    {
        var name = LlmProviderKinds.Of(options) == LlmProviderKind.AzureOpenAI && !string.IsNullOrWhiteSpace(options.Deployment)
            ? options.Deployment
            : options.Model;
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    public static Uri EndpointOf(LlmProviderOptions options) =>
        new(string.IsNullOrWhiteSpace(options.Endpoint) ? LlmProviderOptions.DefaultEndpoint : options.Endpoint.Trim());

    /// <summary>The configured name, else the endpoint's host.</summary>
    public static string NameOf(LlmProviderOptions options) =>
        string.IsNullOrWhiteSpace(options.Name) ? EndpointOf(options).Host : options.Name.Trim();

    /// <summary>Removes the key from text that came from outside (exception messages), so it can never reach a log.</summary>
    public string Redact(string text) =>
        apiKey is null ? text : text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
}
