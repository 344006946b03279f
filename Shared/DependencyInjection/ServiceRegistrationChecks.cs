using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Shared.DependencyInjection;

public static class ServiceRegistrationChecks
{
    /// <summary>
    /// True once <typeparamref name="TService"/> is registered: how a feature's registration, which several others
    /// call, runs only once (binding a section twice would repeat every list in it).
    /// </summary>
    public static bool IsRegistered<TService>(this IServiceCollection services) =>
        services.Any(descriptor => descriptor.ServiceType == typeof(TService));
}
