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

        var described = providers.Select(p =>
            $"{ChatProvider.NameOf(p)}/{p.Model} at {ChatProvider.EndpointOf(p).GetLeftPart(UriPartial.Path)} (timeout {p.TimeoutSeconds} s{(string.IsNullOrWhiteSpace(p.ApiKey) ? ", no API key" : string.Empty)})");
        logger.LogInformation("Lessons are written by LLM providers, tried in order: {Providers}", string.Join("; ", described));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
