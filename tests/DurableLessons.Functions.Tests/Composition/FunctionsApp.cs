using System.Text.Json.Nodes;
using DurableLessons.Hosts.Functions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace DurableLessons.Functions.Tests.Composition;

/// <summary>The Functions app's container as Program.cs composes it (in Development unless told otherwise), with the sample settings.</summary>
internal static class FunctionsApp
{
    public static ServiceProvider Compose(
        Dictionary<string, string?> settings, Action<IServiceCollection>? replace = null, string environment = "Development")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment, ApplicationName = "DurableLessons.Functions" })
            .AddDurableLessonsOnFunctions(configuration);
        replace?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>local.settings.sample.json's values in configuration form ("A__B" is "A:B", as the Functions host maps them).</summary>
    public static Dictionary<string, string?> SampleSettings()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")))!;
        return sample["Values"]!.AsObject()
            .ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value);
    }
}
