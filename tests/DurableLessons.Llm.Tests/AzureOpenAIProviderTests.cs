using DurableLessons.Llm.Model;
using DurableLessons.Llm.Tests.Fakes;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Testing.Models;
using Microsoft.Extensions.DependencyInjection;
using static DurableLessons.Llm.Tests.LessonSamples;

namespace DurableLessons.Llm.Tests;

/// <summary>
/// A provider of kind AzureOpenAI goes through the Azure OpenAI client: the deployment in the path, an api-version
/// query, the key as api-key or else an Entra ID bearer token; the provider chain, not the SDK, decides retries.
/// </summary>
public sealed class AzureOpenAIProviderTests : IAsyncLifetime
{
    private const string AzureKey = "azure-key-secret-123";
    private const string EntraToken = "entra-token-456";
    private ScriptedChatServer azure = null!;
    private ScriptedChatServer backup = null!;

    public async Task InitializeAsync()
    {
        azure = await ScriptedChatServer.StartAsync();
        backup = await ScriptedChatServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await azure.DisposeAsync();
        await backup.DisposeAsync();
    }

    [Fact]
    public async Task Api_key_is_sent_as_the_api_key_header_to_the_deployment_path_with_an_api_version()
    {
        var author = CreateAuthor(new() { ["Deployment"] = "lessons-gpt4o", ["Model"] = "gpt-4o", ["ApiKey"] = AzureKey });
        azure.Enqueue(ChatReply.Json(Outline, 300, 90));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("azure/lessons-gpt4o", result.Generator);
        Assert.Equal(new ModelUsage(1, 300, 90), result.Usage);
        var request = Assert.Single(azure.Requests);
        Assert.Equal("/openai/deployments/lessons-gpt4o/chat/completions", request.Path);
        Assert.Matches(@"^\?api-version=\d{4}-\d{2}-\d{2}(-preview)?$", request.Query);
        Assert.Equal(AzureKey, request.Header("api-key"));
        Assert.Equal(string.Empty, request.Header("Authorization"));
    }

    [Fact]
    public async Task Deployment_falls_back_to_the_model_and_the_api_version_setting_is_sent()
    {
        var author = CreateAuthor(new() { ["Model"] = "gpt-4o-mini", ["ApiKey"] = AzureKey, ["ApiVersion"] = "2024-10-21" });
        azure.Enqueue(ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("azure/gpt-4o-mini", result.Generator);
        var request = Assert.Single(azure.Requests);
        Assert.Equal("/openai/deployments/gpt-4o-mini/chat/completions", request.Path);
        Assert.Equal("?api-version=2024-10-21", request.Query);
    }

    [Fact]
    public async Task Without_a_key_an_entra_id_token_for_cognitive_services_is_sent()
    {
        var credential = new FakeTokenCredential(EntraToken);
        var author = CreateAuthor(new() { ["Deployment"] = "lessons-gpt4o", ["ManagedIdentityClientId"] = "11111111-2222-3333-4444-555555555555" }, credential);
        azure.Enqueue(ChatReply.Json(Outline));

        await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        var request = Assert.Single(azure.Requests);
        Assert.Equal($"Bearer {EntraToken}", request.Header("Authorization"));
        Assert.Equal(string.Empty, request.Header("api-key"));
        Assert.Equal("https://cognitiveservices.azure.com/.default", Assert.Single(credential.Scopes.Distinct()));
        Assert.Equal("11111111-2222-3333-4444-555555555555", Assert.Single(credential.ClientIds));
    }

    [Fact]
    public async Task An_endpoint_written_for_the_v1_api_still_reaches_the_deployment()
    {
        var author = CreateAuthor(new() { ["Endpoint"] = azure.AzureEndpoint, ["Model"] = "gpt-4o-mini", ["ApiKey"] = AzureKey });
        azure.Enqueue(ChatReply.Json(Outline));

        await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("/openai/deployments/gpt-4o-mini/chat/completions", Assert.Single(azure.Requests).Path);
    }

    [Fact]
    public async Task Server_error_is_not_retried_by_the_sdk_and_falls_back()
    {
        var author = CreateAuthorWithBackup();
        azure.Enqueue(ChatReply.Error(503));
        backup.Enqueue(ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Single(azure.Requests);
    }

    [Fact]
    public async Task Short_retry_after_is_waited_out_once_by_the_chain()
    {
        var author = CreateAuthorWithBackup();
        azure.Enqueue(ChatReply.Error(429, ("retry-after-ms", "50")), ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("azure/lessons-gpt4o", result.Generator);
        Assert.Equal(2, azure.Requests.Count);
        Assert.Empty(backup.Requests);
    }

    [Fact]
    public async Task Content_filter_refusal_falls_back_to_the_next_provider_without_asking_again()
    {
        var (author, logs, _) = AuthorFactory.Create(Settings(new() { ["Deployment"] = "lessons-gpt4o", ["ApiKey"] = AzureKey }, withBackup: true));
        azure.Enqueue(ChatReply.ContentFilter("hate", "violence"), ChatReply.Json(Outline));
        backup.Enqueue(ChatReply.Json(Outline));

        var result = await author.OutlineAsync(Brief(), Research(), CancellationToken.None);

        Assert.Equal("backup/model-b", result.Generator);
        Assert.Single(azure.Requests);
        var warning = Assert.Single(logs.Warnings);
        Assert.Contains("azure", warning, StringComparison.Ordinal);
        Assert.Contains("content filter (hate, violence)", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(AzureKey, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_filter_refusal_of_the_only_provider_fails_the_step_naming_the_category()
    {
        var author = CreateAuthor(new() { ["Deployment"] = "lessons-gpt4o", ["ApiKey"] = AzureKey });
        azure.Enqueue(ChatReply.ContentFilter("self_harm"), ChatReply.Json(Outline));

        var error = await Assert.ThrowsAsync<ContentFilteredException>(() => author.OutlineAsync(Brief(), Research(), CancellationToken.None));

        Assert.Contains("azure: HTTP 400, the prompt was refused by the content filter (self_harm)", error.Message, StringComparison.Ordinal);
        Assert.Single(azure.Requests);
    }

    [Fact]
    public async Task Content_filter_on_one_provider_and_another_failure_on_the_next_is_an_ordinary_failure()
    {
        var author = CreateAuthorWithBackup();
        azure.Enqueue(ChatReply.ContentFilter("sexual"));
        backup.Enqueue(ChatReply.Error(500));

        var error = await Assert.ThrowsAsync<AllProvidersFailedException>(() => author.OutlineAsync(Brief(), Research(), CancellationToken.None));

        Assert.Contains("content filter (sexual)", error.Message, StringComparison.Ordinal);
        Assert.Contains("backup: HTTP 500", error.Message, StringComparison.Ordinal);
    }

    private ILessonAuthor CreateAuthorWithBackup() =>
        AuthorFactory.Create(Settings(new() { ["Deployment"] = "lessons-gpt4o", ["ApiKey"] = AzureKey }, withBackup: true)).Author;

    private ILessonAuthor CreateAuthor(Dictionary<string, string?> provider, FakeTokenCredential? credential = null) =>
        AuthorFactory.Create(Settings(provider, withBackup: false), services =>
        {
            if (credential is not null)
            {
                services.AddSingleton<IAzureCredentialSource>(credential);
            }
        }).Author;

    /// <summary>Provider 0 is "azure" (kind AzureOpenAI on the fake server) with <paramref name="provider"/>'s settings.</summary>
    private Dictionary<string, string?> Settings(Dictionary<string, string?> provider, bool withBackup)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:MaxRetryAfterSeconds"] = "1",
            ["Llm:Providers:0:Name"] = "azure",
            ["Llm:Providers:0:Kind"] = "AzureOpenAI",
            ["Llm:Providers:0:Endpoint"] = azure.AzureResourceEndpoint,
        };
        foreach (var (key, value) in provider)
        {
            settings[$"Llm:Providers:0:{key}"] = value;
        }

        if (withBackup)
        {
            settings["Llm:Providers:1:Name"] = "backup";
            settings["Llm:Providers:1:Endpoint"] = backup.Endpoint;
            settings["Llm:Providers:1:Model"] = "model-b";
            settings["Llm:Providers:1:ApiKey"] = "backup-key";
        }

        return settings;
    }
}
