using DurableLessons.Hosts.Functions.Links;
using DurableLessons.Http.Lessons;
using DurableLessons.Http.Requests;
using DurableLessons.Shared.Lessons;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>
/// The /api/lessons routes (host.json's route prefix is "api"), bound to the same handlers, verbs and routes as the
/// embedded host's <see cref="LessonEndpoints"/>. Anonymous at the Functions level: the handlers do their own checks.
/// </summary>
public sealed class LessonHttpFunctions(LessonStartHandler starter, LessonQueries queries)
{
    [Function(nameof(StartLesson))]
    public async Task<IActionResult> StartLesson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LessonEndpoints.Routes.Start)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new HttpResultAction(await starter.StartAsync(await JsonBody<LessonRequest>.ReadAsync(request), request.WithDurableClient(client), client));

    [Function(nameof(GetLatestLesson))]
    public async Task<IActionResult> GetLatestLesson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LessonEndpoints.Routes.Latest)] HttpRequest request,
        string subject,
        string topic) =>
        new HttpResultAction(await queries.GetLatestAsync(subject, topic, Level(request), request.HttpContext.RequestAborted));

    [Function(nameof(ListLessonVersions))]
    public async Task<IActionResult> ListLessonVersions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LessonEndpoints.Routes.Versions)] HttpRequest request,
        string subject,
        string topic) =>
        new HttpResultAction(await queries.ListVersionsAsync(subject, topic, Level(request), request.HttpContext.RequestAborted));

    [Function(nameof(GetLessonVersion))]
    public async Task<IActionResult> GetLessonVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LessonEndpoints.Routes.Version)] HttpRequest request,
        string subject,
        string topic,
        string version) =>
        new HttpResultAction(await queries.GetVersionAsync(subject, topic, version, Level(request), request.HttpContext.RequestAborted));

    private static string? Level(HttpRequest request) => request.Query["level"];
}
