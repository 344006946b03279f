using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Shared.Telemetry;

public static class LessonTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="LessonTelemetry"/> for every module that records on it (idempotent). Its meter comes from the
    /// host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>, which every .NET host builder registers.
    /// </summary>
    public static IServiceCollection AddLessonTelemetryInstruments(this IServiceCollection services)
    {
        services.TryAddSingleton<LessonTelemetry>();
        return services;
    }
}
