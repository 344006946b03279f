using DurableLessons.Hosts.Common;
using DurableLessons.Hosts.Common.Telemetry;
using DurableLessons.Hosts.Local.Engines;
using DurableLessons.Hosts.Local.Management;
using DurableLessons.Hosts.Local.Scheduling;
using DurableLessons.Http.Auth;
using DurableLessons.Http.Lessons;
using DurableLessons.Http.Practice;
using DurableLessons.Http.Problems;
using DurableLessons.Http.Runs;
using DurableLessons.Http.Security;
using DurableLessons.Http.Syllabi;
using DurableLessons.Http.Streaming;

namespace DurableLessons.Hosts.Local;

/// <summary>
/// What the embedded host is made of. Composition lives here so that adding a feature (e.g. the lesson API) is
/// one line in <see cref="AddLocalHostServices"/> and one in <see cref="MapLocalHostEndpoints"/>.
/// </summary>
public static class LocalHostServiceCollectionExtensions
{
    public static IServiceCollection AddLocalHostServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSelectedDurableEngine(configuration);
        services.AddSingleton<IInstanceHistorySource, EngineInstanceHistorySource>();
        services.AddDurableWebhooks(configuration);
        services.AddDurableLessons(configuration);
        services.AddLocalSchedules();
        services.AddLocalOpenApi();
        services.AddOtlpExportWhenConfigured(configuration);
        services.LoadKeyRingOnFirstUse();
        return services;
    }

    public static WebApplication UseLocalHostPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForegroundRequestCounting();
        app.UseProblemResponses();
        app.UseLearnerAuthentication();
        app.UseFunctionKeys();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapLocalHostEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDurableWebhooks();
        app.MapLessonEndpoints();
        app.MapSyllabusEndpoints();
        app.MapPracticeEndpoints();
        app.MapAdminEndpoints();
        app.MapAuthConfigEndpoint();
        app.MapRunEventEndpoints();
        app.MapOpenApi();
        return app;
    }
}
