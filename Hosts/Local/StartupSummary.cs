using DurableLessons.Http.Links;
using DurableLessons.Http.Security;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Local;

/// <summary>Logs where the host listens, where it keeps its state and whether the webhooks need a key.</summary>
internal static class StartupSummary
{
    public static WebApplication LogStartupSummary(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DurableLessons.Hosts.Local");
        var dataDirectory = app.Configuration[LocalHostBuilderExtensions.DataDirectoryKey];

        // Options are read once started: they are validated at start, and an invalid key must fail there, not here.
        app.Lifetime.ApplicationStarted.Register(() => logger.LogInformation(
            "Embedded host listening on {Urls}; management webhooks under {WebhookBase}; data directory {DataDirectory}; system key {SystemKeyState}",
            string.Join(", ", app.Urls),
            WebhookPaths.Base,
            dataDirectory,
            app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.HasSystemKey
                ? "required"
                : $"off ({SecurityOptions.SystemKeySetting} not set: loopback only)"));
        app.Lifetime.ApplicationStopping.Register(() => logger.LogInformation(
            "Embedded host stopping: finishing in-flight requests and work; unfinished instances resume on the next start"));
        return app;
    }
}
