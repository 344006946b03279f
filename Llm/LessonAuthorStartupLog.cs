using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm;

/// <summary>Says once, at start-up, which author and providers lessons will be written with.</summary>
internal sealed class LessonAuthorStartupLog(IOptions<LlmOptions> options, ILogger<LessonAuthorStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var providers = options.Value.ConfiguredProviders;
        if (providers.Count == 0)
        {
            logger.LogInformation("Lessons are written offline from the research notes: no {Section}:Providers are configured", LlmOptions.SectionName);
            return Task.CompletedTask;
        }

        var described = providers.Select(Describe);
        logger.LogInformation("Lessons are written by LLM providers, tried in order: {Providers}", string.Join("; ", described));
        return Task.CompletedTask;
    }

    private static string Describe(LlmProviderOptions p)
    {
        var label = $"{ChatProvider.NameOf(p)}/{ChatProvider.ModelOf(p)}";
        if (LlmProviderKinds.Of(p) != LlmProviderKind.AzureOpenAI)
        {
            var keyless = string.IsNullOrWhiteSpace(p.ApiKey) ? ", no API key" : string.Empty;
            return $"{label} at {ChatProvider.EndpointOf(p).GetLeftPart(UriPartial.Path)} (timeout {p.TimeoutSeconds} s{keyless})";
        }

        var version = string.IsNullOrWhiteSpace(p.ApiVersion) ? "the SDK's default" : p.ApiVersion.Trim();
        var auth = !string.IsNullOrWhiteSpace(p.ApiKey) ? "API key"
            : string.IsNullOrWhiteSpace(p.ManagedIdentityClientId) ? "Entra ID"
            : $"Entra ID, managed identity {p.ManagedIdentityClientId.Trim()}";
        var resource = ChatProvider.AzureResourceOf(ChatProvider.EndpointOf(p)).GetLeftPart(UriPartial.Path);
        return $"{label} at {resource} (Azure OpenAI, api-version {version}, {auth}, timeout {p.TimeoutSeconds} s)";
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
