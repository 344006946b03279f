using DurableLessons.Http.Auth;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Links;
using DurableLessons.Shared.Practice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DurableLessons.Application.Practice;

namespace DurableLessons.Http.Practice;

/// <summary>The practice routes of the embedded host; the Functions host binds the same handlers route by route.</summary>
public static class PracticeEndpoints
{
    public static IServiceCollection AddPracticeHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPracticeSessions(configuration);
        services.TryAddSingleton<StarterLinks>();
        services.AddLearnerAuthentication(configuration);
        services.AddSingleton<PracticeStartHandler>();
        services.AddSingleton<PracticeMessages>();
        services.AddSingleton<PracticeQueries>();
        services.AddSingleton<PracticeProgress>();
        return services;
    }

    public static IEndpointRouteBuilder MapPracticeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Practice");
        api.MapPost(PracticeRoutes.Start, (HttpRequest request, DurableTaskClient client, PracticeStartHandler starter, string subject, string topic, string? level, string? version, string? learnerId) =>
            starter.StartAsync(request, client, subject, topic, level, version, learnerId))
            .WithName("StartPractice")
            .Produces<PracticeStarted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(PracticeRoutes.Messages, (HttpRequest request, DurableTaskClient client, PracticeMessages messages, string sessionId) =>
            messages.PostAsync(request, client, sessionId))
            .WithName("PostPracticeMessage")
            .WithMetadata(new JsonRequestBody(typeof(PracticeMessageRequest)))
            .Produces<PracticeMessageAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet(PracticeRoutes.Session, (HttpRequest request, DurableTaskClient client, PracticeQueries queries, string sessionId) =>
            queries.GetAsync(request, client, sessionId))
            .WithName("GetPracticeSession")
            .Produces<PracticeSessionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(PracticeRoutes.MyProgress, (HttpRequest request, DurableTaskClient client, PracticeProgress progress, string? learnerId) =>
            progress.GetAsync(request, client, learnerId))
            .WithName("GetMyProgress")
            .Produces<MyProgress>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }
}
