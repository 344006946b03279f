using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm.Syllabi;

public static class SyllabusAuthorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISyllabusAuthor"/> on the same <c>Llm:Providers</c> as the lesson author: the model
    /// chain when a provider is configured, the offline planner otherwise. Adds the lesson author too when it is not registered yet.
    /// </summary>
    public static IServiceCollection AddSyllabusAuthor(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLessonTelemetryInstruments();
        // Binding Llm twice would list every provider twice: reuse the lesson author's registration when present.
        if (!services.Any(d => d.ServiceType == typeof(ILessonAuthor)))
        {
            services.AddLessonAuthor(configuration);
        }

        services.TryAddSingleton<ISyllabusAuthor>(provider =>
            provider.GetRequiredService<IOptions<LlmOptions>>().Value.ConfiguredProviders.Count > 0
                ? new ModelSyllabusAuthor(
                    provider.GetRequiredService<IOptions<LlmOptions>>(),
                    provider.GetRequiredService<IAzureCredentialSource>(),
                    provider.GetRequiredService<LessonTelemetry>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<ModelSyllabusAuthor>>())
                : new OfflineSyllabusAuthor());
        return services;
    }
}
