using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="SecurityOptions"/> (section <c>Security</c>) at start, registers the system key
    /// check (<see cref="SystemKeyEndpointFilter"/>), the function key rule and the guard that keeps a keyless server on
    /// loopback addresses. Replaces ASP.NET Core's request log, which would write keys sent in query strings, with
    /// <see cref="RedactedRequestLogMiddleware"/>.
    /// </summary>
    public static IServiceCollection AddSystemKeySecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFunctionKeyPolicy(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, LoopbackOnlyStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, RedactedRequestLogStartupFilter>());
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter(UnredactedRequestLogCategory, LogLevel.Warning));
        return services;
    }

    // Writes "Request starting/finished {method} {url with query}" at Information: the query may hold the system key.
    private const string UnredactedRequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Binds and validates <see cref="SecurityOptions"/> at start and registers the <c>Security:FunctionKey</c> rule
    /// (<see cref="FunctionKeyPolicy"/>) with the key checks it uses, and the signed public status links it lets through
    /// (<see cref="StatusLinkServiceCollectionExtensions.AddPublicStatusLinks"/>, section <c>Api</c>). Also for hosts
    /// that do not serve the webhooks.
    /// </summary>
    public static IServiceCollection AddFunctionKeyPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSystemKey(configuration);
        services.TryAddSingleton<FunctionKeyVerifier>();
        services.TryAddSingleton<FunctionKeyPolicy>();
        services.AddPublicStatusLinks(configuration);
        return services;
    }

    /// <summary>
    /// The one binding of <see cref="SecurityOptions"/> (section <c>Security</c>), validated at start, and the
    /// <see cref="SystemKeyVerifier"/> that reads it (idempotent).
    /// </summary>
    public static IServiceCollection AddSystemKey(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(descriptor => descriptor.ImplementationType == typeof(SecurityOptionsValidator)))
        {
            return services;
        }

        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.TryAddSingleton<SystemKeyVerifier>();
        return services;
    }
}
