using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="SecurityOptions"/> (section <c>Security</c>) at start, registers the system key
    /// check (<see cref="SystemKeyEndpointFilter"/>) and the guard that keeps a keyless server on loopback addresses.
    /// </summary>
    public static IServiceCollection AddSystemKeySecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.TryAddSingleton<SystemKeyVerifier>();
        services.TryAddSingleton<FunctionKeyVerifier>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, LoopbackOnlyStartupFilter>());
        return services;
    }
}
