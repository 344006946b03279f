using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.DependencyInjection;
using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm;

/// <summary>What every model-backed service is built from.</summary>
internal sealed record ModelParts(IOptions<LlmOptions> Options, IAzureCredentialSource Credentials, LessonTelemetry Telemetry, TimeProvider Time, ILoggerFactory Loggers)
{
    public ILogger<T> Logger<T>() => Loggers.CreateLogger<T>();
}

/// <summary>How every model-backed service is chosen: the model chain when <c>Llm:Providers</c> has an entry, the offline one otherwise.</summary>
internal static class ModelOrOfflineRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TService"/> on the lesson author's <c>Llm</c> options, adding the lesson author
    /// first when it is not registered yet (binding <c>Llm</c> twice would list every provider twice).
    /// </summary>
    public static IServiceCollection AddModelOrOffline<TService>(
        this IServiceCollection services, IConfiguration configuration, Func<ModelParts, TService> model, Func<TService> offline)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.IsRegistered<ILessonAuthor>())
        {
            services.AddLessonAuthor(configuration);
        }

        services.TryAddSingleton(provider => ModelOrOffline(provider, model, offline));
        return services;
    }

    public static TService ModelOrOffline<TService>(IServiceProvider provider, Func<ModelParts, TService> model, Func<TService> offline)
    {
        var options = provider.GetRequiredService<IOptions<LlmOptions>>();
        return options.Value.ConfiguredProviders.Count > 0
            ? model(new ModelParts(
                options,
                provider.GetRequiredService<IAzureCredentialSource>(),
                provider.GetRequiredService<LessonTelemetry>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>()))
            : offline();
    }

    /// <summary>What every model-backed service records on and reads the time from.</summary>
    public static IServiceCollection AddModelBasics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        return services.AddLessonTelemetryInstruments();
    }
}
