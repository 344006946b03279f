using DurableLessons.Application.Regeneration;
using DurableLessons.Application.Retention;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Local.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The embedded host's schedules: the retention purge and the regeneration of stale lessons (schedules validated at start).</summary>
    public static IServiceCollection AddLocalSchedules(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, ScheduleOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegenerationOptions>, ScheduleOptionsValidator>());
        services.TryAddSingleton<IScheduleTickClaim, SingleProcessTickClaim>();
        services.AddHostedService<RetentionPurgeService>();
        services.AddHostedService<RegenerationScheduleService>();
        return services;
    }
}
