using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm.Practice;

public static class PracticeTutorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPracticeTutor"/> on the same <c>Llm:Providers</c> as the lesson author: the model chain when
    /// a provider is configured, the offline tutor otherwise. Adds the lesson author too when it is not registered yet.
    /// </summary>
    public static IServiceCollection AddPracticeTutor(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLessonTelemetryInstruments();
        // Binding Llm twice would list every provider twice: reuse the lesson author's registration when present.
        if (!services.Any(d => d.ServiceType == typeof(ILessonAuthor)))
        {
            services.AddLessonAuthor(configuration);
        }

        services.TryAddSingleton<IPracticeTutor>(provider =>
            provider.GetRequiredService<IOptions<LlmOptions>>().Value.ConfiguredProviders.Count > 0
                ? new ModelPracticeTutor(
                    provider.GetRequiredService<IOptions<LlmOptions>>(),
                    provider.GetRequiredService<IAzureCredentialSource>(),
                    provider.GetRequiredService<LessonTelemetry>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<ModelPracticeTutor>>())
                : new OfflinePracticeTutor());
        return services;
    }
}
