using System.ClientModel;
using System.ClientModel.Primitives;
using DurableLessons.Llm.Configuration;
using OpenAI;
using OpenAI.Chat;

namespace DurableLessons.Llm.Model;

/// <summary>One configured provider: its display name, model, timeout and a ready chat client.</summary>
internal sealed class ChatProvider
{
    // Keyless local servers still get a bearer header: the client requires a credential, and such servers ignore it.
    private const string PlaceholderKey = "no-key";

    private readonly string? apiKey;

    private ChatProvider(string name, string model, TimeSpan timeout, string? apiKey, ChatClient client)
    {
        Name = name;
        Model = model;
        Timeout = timeout;
        this.apiKey = apiKey;
        Client = client;
    }

    public string Name { get; }

    public string Model { get; }

    public TimeSpan Timeout { get; }

    public ChatClient Client { get; }

    /// <summary>The lesson's generator label, "{Name}/{Model}".</summary>
    public string Generator => $"{Name}/{Model}";

    public static ChatProvider Create(LlmProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = EndpointOf(options);
        var model = options.Model?.Trim() ?? throw new ArgumentException("A provider needs a model.", nameof(options));
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = timeout,

            // Fallback to the next provider is the retry strategy; the chain itself honours one short Retry-After.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "DurableLessons",
        };
        var client = new ChatClient(model, new ApiKeyCredential(apiKey ?? PlaceholderKey), clientOptions);
        return new ChatProvider(NameOf(options), model, timeout, apiKey, client);
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
