using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Hosts.Local;

/// <summary>
/// The embedded host: the durable engine, the Durable management webhooks and (once composed in) the lesson API,
/// in one process that keeps its state under <c>DataDirectory</c>. Listens on http://127.0.0.1:7071 unless
/// <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>urls</c> say otherwise.
/// </summary>
public static class LocalHost
{
    /// <param name="args">Command-line arguments; any configuration key works as <c>--Key=value</c>.</param>
    /// <param name="configureTestServices">Runs after the host's own registrations, so tests can add or replace services.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureTestServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships next to the binaries; `dotnet run` from the repository root would not find it otherwise.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.UseLoopbackUrlByDefault();
        builder.UseDataDirectory();
        builder.Services.AddLocalHostServices(builder.Configuration);
        configureTestServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseLocalHostPipeline();
        app.MapLocalHostEndpoints();
        app.LogStartupSummary();
        return app;
    }
}
