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
        services.AddModelBasics();
        services.TryAddSingleton<IAzureCredentialSource, DefaultAzureCredentialSource>();
        services.TryAddSingleton<ILessonAuthor>(provider => ModelOrOfflineRegistration.ModelOrOffline<ILessonAuthor>(
            provider,
            parts => new ModelLessonAuthor(parts.Options, parts.Credentials, parts.Telemetry, parts.Time, parts.Logger<ModelLessonAuthor>()),
            () => new OfflineLessonAuthor()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LessonAuthorStartupLog>());
        return services;
    }
}
