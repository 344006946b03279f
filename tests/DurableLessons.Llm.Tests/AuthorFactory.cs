using DurableLessons.Llm.Tests.Fakes;
using DurableLessons.Shared.Authoring;
using DurableLessons.Testing.Logging;
using DurableLessons.Testing.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Llm.Tests;

/// <summary>A provider entry as it would be configured.</summary>
public sealed record ProviderConfig(string Name, string Endpoint, string Model, string ApiKey, int? TimeoutSeconds = null);

/// <summary>Builds the author the way a host does: configuration bound by <c>AddLessonAuthor</c>.</summary>
public static class AuthorFactory
{
    public static (ILessonAuthor Author, CapturedLogs Logs, ServiceProvider Services) Create(params ProviderConfig[] providers)
    {
        var settings = new Dictionary<string, string?> { ["Llm:MaxRetryAfterSeconds"] = "1" };
        for (var i = 0; i < providers.Length; i++)
        {
            var p = providers[i];
            settings[$"Llm:Providers:{i}:Name"] = p.Name;
            settings[$"Llm:Providers:{i}:Endpoint"] = p.Endpoint;
            settings[$"Llm:Providers:{i}:Model"] = p.Model;
            settings[$"Llm:Providers:{i}:ApiKey"] = p.ApiKey;
            if (p.TimeoutSeconds is { } timeout)
            {
                settings[$"Llm:Providers:{i}:TimeoutSeconds"] = timeout.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return Create(settings);
    }

    /// <param name="configure">Registrations made before <c>AddLessonAuthor</c>, which keeps them (a test credential).</param>
    public static (ILessonAuthor Author, CapturedLogs Logs, ServiceProvider Services) Create(
        IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturedLogs();
        var collection = new ServiceCollection();
        configure?.Invoke(collection);
        var services = collection
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddLessonAuthor(configuration)
            .BuildServiceProvider();
        return (services.GetRequiredService<ILessonAuthor>(), logs, services);
    }
}
