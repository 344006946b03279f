using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    public static IEndpointRouteBuilder MapLessonEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Lessons");
        api.MapPost(Routes.Start, (HttpRequest request, DurableTaskClient client, LessonStartHandler handler) => handler.StartAsync(request, client))
            .WithName("StartLesson")
            .WithMetadata(new JsonRequestBody(typeof(LessonRequest)))
            .Produces<HttpManagementPayload>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet(Routes.Latest, (string subject, string topic, string? level, LessonQueries queries, CancellationToken ct) =>
            queries.GetLatestAsync(subject, topic, level, ct))
            .WithName("GetLatestLesson")
            .Produces<LessonVersion>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(Routes.Versions, (string subject, string topic, string? level, LessonQueries queries, CancellationToken ct) =>
            queries.ListVersionsAsync(subject, topic, level, ct))
            .WithName("ListLessonVersions")
            .Produces<LessonVersionList>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(Routes.Version, (string subject, string topic, string version, string? level, LessonQueries queries, CancellationToken ct) =>
            queries.GetVersionAsync(subject, topic, version, level, ct))
            .WithName("GetLessonVersion")
            .Produces<LessonVersion>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }
}
