using DurableLessons.Application.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Application.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="RetentionOptions"/> (section <c>Retention</c>) at start and registers
    /// <see cref="RetentionPurger"/>, which the purge route and both hosts' timers share (idempotent).
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(RetentionPurger)))
        {
            return services;
        }

        services.AddValidatedOptions<RetentionOptions>(configuration, RetentionOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetentionPurger>();
        return services;
    }
}
