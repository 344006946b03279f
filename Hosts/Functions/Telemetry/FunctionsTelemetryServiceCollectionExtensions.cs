using Azure.Monitor.OpenTelemetry.Exporter;
using DurableLessons.Hosts.Common.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace DurableLessons.Hosts.Functions.Telemetry;

public static class FunctionsTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The worker's traces and metrics (the invocation's span from the Functions host, the Durable Task SDK's
    /// orchestration and activity spans, the product's model and store spans) go to Azure Monitor when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is;
    /// with neither, nothing is collected.
    /// </summary>
    public static IServiceCollection AddFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azureMonitor = !string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        if (!otlp && !azureMonitor)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(TelemetryServiceCollectionExtensions.ServiceName(configuration)))
            .WithTracing(tracing => tracing.AddLessonInstrumentation())
            .WithMetrics(metrics => metrics.AddLessonInstrumentation())
            .UseFunctionsWorkerDefaults();
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (azureMonitor)
        {
            telemetry.UseAzureMonitorExporter(options => options.ConnectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        }

        return services;
    }
}
