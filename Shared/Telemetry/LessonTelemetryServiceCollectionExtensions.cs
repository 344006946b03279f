using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Shared.Telemetry;

public static class LessonTelemetryServiceCollectionExtensions
{
    /// <summary><see cref="LessonTelemetry"/> for every module that records on it (idempotent).</summary>
    public static IServiceCollection AddLessonTelemetryInstruments(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<LessonTelemetry>();
        return services;
    }
}
