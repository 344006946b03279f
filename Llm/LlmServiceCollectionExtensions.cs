using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;
using DurableLessons.Llm.Offline;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILessonAuthor"/>: <see cref="ModelLessonAuthor"/> when at least one
    /// <c>Llm:Providers:{n}</c> entry is configured, <see cref="OfflineLessonAuthor"/> otherwise. The options are
    /// validated when the host starts, and the choice is logged once then (never the keys).
    /// </summary>
    public static IServiceCollection AddLessonAuthor(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LlmOptions>()
            .Bind(configuration.GetSection(LlmOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLessonTelemetryInstruments();
        services.TryAddSingleton<IAzureCredentialSource, DefaultAzureCredentialSource>();
        services.TryAddSingleton<ILessonAuthor>(provider =>
            provider.GetRequiredService<IOptions<LlmOptions>>().Value.ConfiguredProviders.Count > 0
                ? new ModelLessonAuthor(
                    provider.GetRequiredService<IOptions<LlmOptions>>(),
                    provider.GetRequiredService<IAzureCredentialSource>(),
                    provider.GetRequiredService<LessonTelemetry>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<ModelLessonAuthor>>())
                : new OfflineLessonAuthor());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LessonAuthorStartupLog>());
        return services;
    }
}
