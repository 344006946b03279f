using DurableLessons.Http.Auth;
using DurableLessons.Http.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Syllabi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>Maps the syllabus routes; their OpenAPI description comes from the handlers' signatures below.</summary>
    public static RouteGroupBuilder MapSyllabusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Syllabi");
        api.MapPost(Routes.Start, StartSyllabus).WithName(nameof(StartSyllabus))
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet(Routes.Get, GetSyllabus).WithName(nameof(GetSyllabus))
            .ProducesSyllabusProblems();
        api.MapPost(Routes.Share, ShareSyllabus).WithName(nameof(ShareSyllabus))
            .ProducesSyllabusProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet(Routes.Mine, ListMySyllabi).WithName(nameof(ListMySyllabi))
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost(Routes.GenerateLesson, GenerateSyllabusLesson).WithName(nameof(GenerateSyllabusLesson))
            .ProducesSyllabusProblems();
        api.MapPost(Routes.GenerateAll, GenerateSyllabusLessons).WithName(nameof(GenerateSyllabusLessons))
            .ProducesSyllabusProblems();
        api.MapPost(Routes.LowerDifficulty, LowerSyllabusDifficulty).WithName(nameof(LowerSyllabusDifficulty))
            .ProducesSyllabusProblems()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static Task<Results<CheckStatusAccepted, ProblemHttpResult>> StartSyllabus(
        JsonBody<SyllabusRequest> body, HttpRequest request, DurableTaskClient client, SyllabusStartHandler handler) =>
        handler.StartAsync(body, request, client);

    public static Task<Results<Ok<SyllabusView>, ProblemHttpResult>> GetSyllabus(
        string id, HttpRequest request, DurableTaskClient client, SyllabusQueries queries) =>
        queries.GetAsync(request, client, id);

    public static Task<Results<Ok<SharedSyllabus>, ProblemHttpResult>> ShareSyllabus(string id, HttpRequest request, SyllabusSharing sharing) =>
        sharing.ShareAsync(request, id);

    public static Task<Results<Ok<MySyllabi>, ProblemHttpResult>> ListMySyllabi(HttpRequest request, SyllabusSharing sharing) =>
        sharing.ListMineAsync(request);

    public static Task<Results<CheckStatusAccepted, ProblemHttpResult>> GenerateSyllabusLesson(
        string id, string lessonId, HttpRequest request, DurableTaskClient client, SyllabusLessonHandlers handlers) =>
        handlers.StartLessonRunAsync(request, client, id, lessonId);

    public static Task<Results<CheckStatusAccepted, ProblemHttpResult>> GenerateSyllabusLessons(
        string id, HttpRequest request, DurableTaskClient client, SyllabusLessonHandlers handlers) =>
        handlers.StartPendingLessonsBatchAsync(request, client, id);

    public static Task<Results<Ok<EasierSyllabus>, CheckStatusAccepted, ProblemHttpResult>> LowerSyllabusDifficulty(
        string id, HttpRequest request, DurableTaskClient client, DifficultySwitch difficulty) =>
        difficulty.LowerAsync(request, client, id);

    /// <summary>What every route naming a syllabus may answer: 400 (malformed id), 401 (sign-in on, no learner), 404.</summary>
    private static RouteHandlerBuilder ProducesSyllabusProblems(this RouteHandlerBuilder route) => route
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound);
}
