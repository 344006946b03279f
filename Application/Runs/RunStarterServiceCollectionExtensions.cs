using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Application.Runs;

public static class RunStarterServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RunStarter"/>, the start-or-join rule every starter uses (idempotent).</summary>
    public static IServiceCollection AddRunStarter(this IServiceCollection services)
    {
        services.AddLessonTelemetryInstruments();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunStarter>();
        return services;
    }
}
