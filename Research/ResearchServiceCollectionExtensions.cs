using System.Net;
using DurableLessons.Research.Configuration;
using DurableLessons.Research.Http;
using DurableLessons.Research.Local;
using DurableLessons.Research.Sources.DevTo;
using DurableLessons.Research.Sources.Docs;
using DurableLessons.Research.Sources.GitHub;
using DurableLessons.Research.Sources.StackExchange;
using DurableLessons.Research.Sources.Wikipedia;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research;

public static class ResearchServiceCollectionExtensions
{
    /// <summary>Margin over a source's own deadline before the HttpClient's timeout, a backstop, would fire.</summary>
    private static readonly TimeSpan ClientTimeoutMargin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers the research sources (every built-in one, enabled or not), <see cref="IResearchSourceCatalog"/>
    /// (also as <see cref="IResearchSourceDirectory"/>), <see cref="ResearchMerger"/> (also as <see cref="IResearchMerger"/>) and the "Research" options,
    /// validated at start. <paramref name="configuration"/> is the root configuration.
    /// </summary>
    public static IServiceCollection AddResearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ResearchOptions>()
            .Bind(configuration.GetSection(ResearchOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResearchOptions>, ResearchOptionsValidator>());

        foreach (var source in ResearchSourceNames.Remote)
        {
            services.AddHttpClient(ResearchHttpClients.NameFor(source))
                .ConfigureHttpClient((provider, client) =>
                {
                    var options = provider.GetRequiredService<IOptions<ResearchOptions>>().Value;
                    client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                    client.Timeout = options.For(source).Timeout + ClientTimeoutMargin;
                    client.MaxResponseContentBufferSize = ResearchHttpClients.MaxResponseBytes;
                })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    // Stack Exchange always compresses its responses.
                    AutomaticDecompression = DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                });
        }

        services.TryAddSingleton<LocalCorpusIndexProvider>();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IResearchSource, LocalCorpusSource>(),
            ServiceDescriptor.Singleton<IResearchSource, WikipediaSource>(),
            ServiceDescriptor.Singleton<IResearchSource, StackExchangeSource>(),
            ServiceDescriptor.Singleton<IResearchSource, GitHubSource>(),
            ServiceDescriptor.Singleton<IResearchSource, DevToSource>(),
            ServiceDescriptor.Singleton<IResearchSource, DocsSiteSource>(),
        ]);
        services.TryAddSingleton<IResearchSourceCatalog, ResearchSourceCatalog>();
        services.TryAddSingleton<IResearchSourceDirectory>(provider => provider.GetRequiredService<IResearchSourceCatalog>());
        services.TryAddSingleton<ResearchMerger>();
        services.TryAddSingleton<IResearchMerger>(provider => provider.GetRequiredService<ResearchMerger>());
        return services;
    }
}
