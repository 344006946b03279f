using DurableLessons.Http.Auth;
using DurableLessons.Http.Links;
using DurableLessons.Shared.Syllabi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DurableLessons.Application.Syllabi;

namespace DurableLessons.Http.Syllabi;

/// <summary>The /api/syllabi routes of the embedded host; the Functions host binds the same handlers route by route.</summary>
public static class SyllabusEndpoints
{
    public static class Routes
    {
        public const string Start = "syllabi";
        public const string Get = "syllabi/{id}";
        public const string GenerateLesson = "syllabi/{id}/lessons/{lessonId}/generate";
        public const string GenerateAll = "syllabi/{id}/generate";
        public const string LowerDifficulty = "syllabi/{id}/lower-difficulty";
        public const string Share = "syllabi/{id}/share";
        public const string Mine = "me/syllabi";
    }

    /// <summary>Binds and validates <see cref="SyllabusOptions"/> (section <c>Syllabi</c>) at start and registers the handlers.</summary>
    public static IServiceCollection AddSyllabusHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSyllabusRuns(configuration);
        services.AddSingleton<SyllabusRequestValidator>();
        services.AddSingleton<SyllabusLookup>();
        services.TryAddSingleton<StarterLinks>();
        services.AddSingleton<SyllabusStartHandler>();
        services.AddSingleton<SyllabusQueries>();
        services.AddSingleton<SyllabusLessonHandlers>();
        services.AddSingleton<DifficultySwitch>();
        services.AddSingleton<SyllabusSharing>();
        services.AddLearnerAuthentication(configuration);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapSyllabusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Syllabi");
        api.MapPost(Routes.Start, (HttpRequest request, DurableTaskClient client, SyllabusStartHandler handler) => handler.StartAsync(request, client))
            .WithName("StartSyllabus");
        api.MapGet(Routes.Get, (HttpRequest request, string id, DurableTaskClient client, SyllabusQueries queries) => queries.GetAsync(request, client, id))
            .WithName("GetSyllabus");
        api.MapPost(Routes.Share, (HttpRequest request, string id, SyllabusSharing sharing) => sharing.ShareAsync(request, id))
            .WithName("ShareSyllabus")
            .Produces<SharedSyllabus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(Routes.Mine, (HttpRequest request, SyllabusSharing sharing) => sharing.ListMineAsync(request))
            .WithName("ListMySyllabi")
            .Produces<MySyllabi>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost(Routes.GenerateLesson, (HttpRequest request, string id, string lessonId, DurableTaskClient client, SyllabusLessonHandlers handlers) =>
            handlers.StartLessonRunAsync(request, client, id, lessonId))
            .WithName("GenerateSyllabusLesson");
        api.MapPost(Routes.GenerateAll, (HttpRequest request, string id, DurableTaskClient client, SyllabusLessonHandlers handlers) =>
            handlers.StartPendingLessonsBatchAsync(request, client, id))
            .WithName("GenerateSyllabusLessons");
        api.MapPost(Routes.LowerDifficulty, (HttpRequest request, string id, DurableTaskClient client, DifficultySwitch difficulty) =>
            difficulty.LowerAsync(request, client, id))
            .WithName("LowerSyllabusDifficulty");
        return endpoints;
    }
}
