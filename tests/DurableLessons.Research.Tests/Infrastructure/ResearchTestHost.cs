using DurableLessons.Shared.Research;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Research.Tests.Infrastructure;

/// <summary>The real <c>AddResearch</c> wiring over in-memory configuration.</summary>
internal static class ResearchTestHost
{
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddResearch(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Settings that enable one web source against a fake API.</summary>
    public static Dictionary<string, string?> Enable(string source, Uri baseUrl, int timeoutSeconds = 30) => new()
    {
        [$"Research:Sources:{source}:Enabled"] = "true",
        [$"Research:Sources:{source}:BaseUrl"] = baseUrl.AbsoluteUri,
        [$"Research:Sources:{source}:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static IResearchSource Source(this ServiceProvider services, string name) =>
        services.GetRequiredService<IResearchSourceCatalog>().Get(name);

    public static ResearchQuery Query(string subject, string topic, string level = "beginner", string language = "en", int maxResults = 8) =>
        new(subject, topic, level, language, maxResults);
}
