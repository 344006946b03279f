using System.Diagnostics;
using DurableLessons.Shared.Telemetry;

namespace DurableLessons.Hosts.Common.Telemetry;

/// <summary>One span per store call, named "{store} {operation}" with the OpenTelemetry database attributes.</summary>
internal static class StoreSpans
{
    public static async Task<T> TraceAsync<T>(LessonTelemetry telemetry, string store, string provider, string operation, Func<Task<T>> call)
    {
        using var span = Start(telemetry, store, provider, operation);
        try
        {
            return await call();
        }
        catch (Exception exception) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, exception.Message);
            span.SetTag("error.type", exception.GetType().FullName);
            throw;
        }
    }

    public static Task TraceAsync(LessonTelemetry telemetry, string store, string provider, string operation, Func<Task> call) =>
        TraceAsync(telemetry, store, provider, operation, async () =>
        {
            await call();
            return true;
        });

    private static Activity? Start(LessonTelemetry telemetry, string store, string provider, string operation)
    {
        var span = telemetry.StartSpan($"{store} {operation}", ActivityKind.Client);
        span?.SetTag("db.system.name", provider);
        span?.SetTag("db.collection.name", store);
        span?.SetTag("db.operation.name", operation);
        return span;
    }
}
