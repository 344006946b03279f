using DurableLessons.Http.Auth;
using DurableLessons.Application.Configuration;
using DurableLessons.Http.Practice;
using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Streaming;

/// <summary>The live run events route; the Functions host binds the same handler.</summary>
public static class RunEventEndpoints
{
    public const string Route = "runs/{instanceId}/events";

    /// <summary>
    /// Registers the stream. <paramref name="signal"/> supplies change notifications (the embedded engine's feed);
    /// without it the stream polls the workflow client every <see cref="RunEventsOptions.PollIntervalSeconds"/>.
    /// </summary>
    public static IServiceCollection AddRunEvents(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IRunChangeSignal>? signal = null)
    {
        services.AddValidatedOptions<RunEventsOptions>(configuration, RunEventsOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(signal ?? (sp => new PollingRunChangeSignal(
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<RunEventsOptions>>().Value.PollIntervalSeconds),
            sp.GetRequiredService<TimeProvider>())));
        services.AddLearnerAuthentication(configuration);
        services.TryAddSingleton<PracticeRunAccess>();
        services.TryAddSingleton<RunEventsHandler>();
        return services;
    }

    /// <summary>
    /// Maps the read routes of one run: this stream and the signed status link (<see cref="StatusLinkEndpoints"/>).
    /// With <c>Api:PublicStatusLinks</c>, the run's link signature (<c>?sig=</c>) opens the stream too.
    /// </summary>
    public static IEndpointRouteBuilder MapRunEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The answer is a stream or a problem, which no typed result describes: the route declares both.
        endpoints.MapGroup("/api").WithTags("Runs")
            .MapGet(Route, StreamRunEvents)
            .WithName(nameof(StreamRunEvents))
            .WithMetadata(LongLivedRequest.Metadata)
            .WithSummary("Server-Sent Events of one run: 'status' on every change, then 'done' with the final state.")
            .Produces<string>(StatusCodes.Status200OK, ServerSentEventWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapStatusLinkEndpoints();
        return endpoints;
    }

    public static Task<IResult> StreamRunEvents(string instanceId, HttpRequest request, DurableTaskClient client, RunEventsHandler stream) =>
        stream.OpenAsync(request, client, instanceId);
}
