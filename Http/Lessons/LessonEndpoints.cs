using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DurableLessons.Application.Lessons;

namespace DurableLessons.Http.Lessons;

/// <summary>The /api/lessons routes of the embedded host; the Functions host binds the same handlers route by route.</summary>
public static class LessonEndpoints
{
    public static class Routes
    {
        public const string Start = "lessons";
        public const string Latest = "lessons/{subject}/{topic}";
        public const string Versions = "lessons/{subject}/{topic}/versions";
        public const string Version = "lessons/{subject}/{topic}/versions/{version}";
    }

    public static IServiceCollection AddLessonHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLessonRuns(configuration);
        services.AddSingleton<LessonRequestValidator>();
        services.TryAddSingleton<StarterLinks>();
        services.AddSingleton<LessonStartHandler>();
        services.AddSingleton<LessonQueries>();
        return services;
    }

    /// <summary>Maps the /api/lessons routes; their OpenAPI description comes from the handlers' signatures below.</summary>
    public static RouteGroupBuilder MapLessonEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Lessons");
        api.MapPost(Routes.Start, StartLesson).WithName(nameof(StartLesson));
        api.MapGet(Routes.Latest, GetLatestLesson).WithName(nameof(GetLatestLesson)).ProducesLessonLookupProblems();
        api.MapGet(Routes.Versions, ListLessonVersions).WithName(nameof(ListLessonVersions)).ProducesLessonLookupProblems();
        api.MapGet(Routes.Version, GetLessonVersion).WithName(nameof(GetLessonVersion)).ProducesLessonLookupProblems();
        return api;
    }

    public static Task<Results<CheckStatusAccepted, ProblemHttpResult>> StartLesson(
        JsonBody<LessonRequest> body, HttpRequest request, DurableTaskClient client, LessonStartHandler handler) =>
        handler.StartAsync(body, request, client);

    public static Task<Results<Ok<LessonVersion>, ProblemHttpResult>> GetLatestLesson(
        string subject, string topic, string? level, LessonQueries queries, CancellationToken cancellationToken) =>
        queries.GetLatestAsync(subject, topic, level, cancellationToken);

    public static Task<Results<Ok<LessonVersionList>, ProblemHttpResult>> ListLessonVersions(
        string subject, string topic, string? level, LessonQueries queries, CancellationToken cancellationToken) =>
        queries.ListVersionsAsync(subject, topic, level, cancellationToken);

    public static Task<Results<Ok<LessonVersion>, ProblemHttpResult>> GetLessonVersion(
        string subject, string topic, string version, string? level, LessonQueries queries, CancellationToken cancellationToken) =>
        queries.GetVersionAsync(subject, topic, version, level, cancellationToken);

    /// <summary>What every read of a lesson may answer: 400 naming the subject, topic, level or version; 404.</summary>
    private static RouteHandlerBuilder ProducesLessonLookupProblems(this RouteHandlerBuilder route) => route
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
