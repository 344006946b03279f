using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Links;

public static class StatusLinkServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ApiOptions"/> (section <c>Api</c>) and validates it at start (public links need a signing
    /// secret), and registers the signed status handler and the check the function key middleware consults.
    /// </summary>
    public static IServiceCollection AddPublicStatusLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.TryAddSingleton<SignedStatusHandler>();
        services.TryAddSingleton<SignedRunReadAuthorizer>();
        return services;
    }
}
