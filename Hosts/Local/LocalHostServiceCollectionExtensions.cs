using DurableLessons.Engine;
using DurableLessons.Hosts.Common;
using DurableLessons.Http.Lessons;
using DurableLessons.Http.Management;
using DurableLessons.Http.Problems;

namespace DurableLessons.Hosts.Local;

/// <summary>
/// What the embedded host is made of. Composition lives here so that adding a feature (e.g. the lesson API) is
/// one line in <see cref="AddLocalHostServices"/> and one in <see cref="MapLocalHostEndpoints"/>.
/// </summary>
public static class LocalHostServiceCollectionExtensions
{
    public static IServiceCollection AddLocalHostServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDurableEngine(configuration);
        services.AddSingleton<IInstanceHistorySource, EngineInstanceHistorySource>();
        services.AddDurableWebhooks(configuration);
        services.AddDurableLessons(configuration);
        return services;
    }

    public static WebApplication UseLocalHostPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseProblemResponses();
        return app;
    }

    public static WebApplication MapLocalHostEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDurableWebhooks();
        app.MapLessonEndpoints();
        return app;
    }
}
