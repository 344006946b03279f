using System.Runtime.CompilerServices;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DurableLessons.Hosts.Common.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The Durable Task SDK's span source, which the embedded engine emits too.</summary>
    public const string DurableTaskSourceName = "Microsoft.DurableTask";

    /// <summary>The embedded engine's meter (journal transactions, orchestrations ended).</summary>
    public const string EngineMeterName = "DurableLessons.Engine";

    /// <summary>
    /// The product's spans and instruments: <see cref="LessonTelemetry"/>, and a span around every lesson and artifact
    /// store call. Call after the stores are registered. Exporting is the host's choice (<see cref="AddOtlpExportWhenConfigured"/>).
    /// </summary>
    public static IServiceCollection AddLessonTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLessonTelemetryInstruments();
        var database = string.Equals(configuration["Storage:Provider"], "Table", StringComparison.OrdinalIgnoreCase) ? "azure.tables" : "sqlite";
        Decorate<ILessonStore>(services, (inner, provider) => new TracedLessonStore(inner, provider.GetRequiredService<LessonTelemetry>(), database));
        Decorate<IArtifactStore>(services, (inner, provider) => new TracedArtifactStore(inner, provider.GetRequiredService<LessonTelemetry>(), database));
        return services;
    }

    /// <summary>
    /// Exports traces and metrics over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (protocol
    /// and service name from <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and <c>OTEL_SERVICE_NAME</c>); nothing otherwise.
    /// </summary>
    public static IServiceCollection AddOtlpExportWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ? services : AddOtlpExport(services, configuration);
    }

    // Its own method, never inlined: compiling the caller then does not load the OpenTelemetry SDK and exporter
    // assemblies, which a host without an OTLP endpoint never uses (each mapped assembly counts against the memory budget).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddOtlpExport(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName(configuration)))
            .WithTracing(tracing => tracing.AddLessonInstrumentation())
            .WithMetrics(metrics => metrics.AddLessonInstrumentation())
            .UseOtlpExporter();
        return services;
    }

    public static string ServiceName(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "DurableLessons";
    }

    /// <summary>Every span source a lesson's trace is made of: requests, outgoing HTTP, durable work, model and store calls.</summary>
    public static TracerProviderBuilder AddLessonInstrumentation(this TracerProviderBuilder tracing) =>
        tracing
            .AddSource(LessonTelemetry.SourceName, DurableTaskSourceName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();

    public static MeterProviderBuilder AddLessonInstrumentation(this MeterProviderBuilder metrics) =>
        metrics
            .AddMeter(LessonTelemetry.MeterName, EngineMeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();

    private static void Decorate<TService>(IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        for (var index = 0; index < services.Count; index++)
        {
            var registered = services[index];
            if (registered.ServiceType != typeof(TService) || registered.IsKeyedService)
            {
                continue;
            }

            services[index] = ServiceDescriptor.Describe(
                typeof(TService),
                provider => decorate(registered.Instantiate<TService>(provider), provider),
                registered.Lifetime);
        }
    }
}
