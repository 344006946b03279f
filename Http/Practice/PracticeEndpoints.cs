using DurableLessons.Http.Auth;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Links;
using DurableLessons.Shared.Practice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>Maps the practice routes; their OpenAPI description comes from the handlers' signatures below.</summary>
    public static RouteGroupBuilder MapPracticeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Practice");
        api.MapPost(PracticeRoutes.Start, StartPractice).WithName(nameof(StartPractice))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(PracticeRoutes.Messages, PostPracticeMessage).WithName(nameof(PostPracticeMessage))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        // The view is written with PracticeViewJson (enums as names), which a JsonHttpResult cannot describe.
        api.MapGet(PracticeRoutes.Session, GetPracticeSession).WithName(nameof(GetPracticeSession))
            .Produces<PracticeSessionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(PracticeRoutes.MyProgress, GetMyProgress).WithName(nameof(GetMyProgress))
            .Produces<MyProgress>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    public static Task<Results<PracticeStartedResult, ProblemHttpResult>> StartPractice(
        string subject, string topic, string? level, string? version, string? learnerId, HttpRequest request, DurableTaskClient client, PracticeStartHandler starter) =>
        starter.StartAsync(request, client, subject, topic, level, version, learnerId);

    public static Task<Results<Accepted<PracticeMessageAccepted>, ProblemHttpResult>> PostPracticeMessage(
        string sessionId, JsonBody<PracticeMessageRequest> body, HttpRequest request, DurableTaskClient client, PracticeMessages messages) =>
        messages.PostAsync(body, request, client, sessionId);

    public static Task<Results<JsonHttpResult<PracticeSessionView>, ProblemHttpResult>> GetPracticeSession(
        string sessionId, HttpRequest request, DurableTaskClient client, PracticeQueries queries) =>
        queries.GetAsync(request, client, sessionId);

    public static Task<Results<JsonHttpResult<MyProgress>, ProblemHttpResult>> GetMyProgress(
        string? learnerId, HttpRequest request, DurableTaskClient client, PracticeProgress progress) =>
        progress.GetAsync(request, client, learnerId);
}
