using DurableLessons.Http.Security;
using DurableLessons.Shared.DependencyInjection;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="AuthOptions"/> (section <c>Auth</c>) at start and registers the bearer check:
    /// JwtBearer against the authority's discovery document (signing keys, issuer), the audience and the lifetime.
    /// Registered in both hosts; it does nothing until <c>Auth:Authority</c> and <c>Auth:Audience</c> are set
    /// (authentication and the bearer scheme are only added then).
    /// </summary>
    public static IServiceCollection AddLearnerAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        // Each feature that needs a learner calls this; the scheme may be added only once.
        if (services.IsRegistered<LearnerAuthenticator>())
        {
            return services;
        }

        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        // Without sign-in nothing authenticates, so authentication is not registered at all: the web host adds its
        // authentication middleware whenever it is, and that middleware opens a service scope and looks for schemes
        // on every request (status reads and starts included) for nothing.
        if (configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() is { IsEnabled: true })
        {
            services.AddAuthentication().AddJwtBearer(LearnerAuthenticator.Scheme, _ => { });
        }

        services.AddOptions<JwtBearerOptions>(LearnerAuthenticator.Scheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            var settings = auth.Value;
            if (!settings.IsEnabled)
            {
                return;
            }

            jwt.Authority = settings.Authority;
            jwt.Audience = settings.Audience;
            jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            // Claims keep their JWT names ("oid", "sub", "roles"), not the WS-Federation URIs.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
            jwt.TokenValidationParameters.NameClaimType = "name";
            jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        });
        services.TryAddSingleton<SystemKeyVerifier>();
        services.TryAddSingleton<AppServicePrincipalReader>();
        services.AddSingleton<LearnerAuthenticator>();
        services.TryAddSingleton<LearnerResolver>();
        services.TryAddSingleton<AdminRole>();
        return services;
    }
}
