using DurableLessons.Hosts.Functions.Links;
using DurableLessons.Http.Requests;
using DurableLessons.Http.Syllabi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>The /api/syllabi routes, bound to the same handlers, verbs and routes as <see cref="SyllabusEndpoints"/>.</summary>
public sealed class SyllabusHttpFunctions(
    SyllabusStartHandler starter,
    SyllabusQueries queries,
    SyllabusLessonHandlers lessons,
    DifficultySwitch difficulty,
    SyllabusSharing sharing)
{
    [Function(nameof(StartSyllabus))]
    public async Task<IActionResult> StartSyllabus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SyllabusEndpoints.Routes.Start)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new HttpResultAction(await starter.StartAsync(await JsonBody<SyllabusRequest>.ReadAsync(request), request.WithDurableClient(client), client));

    [Function(nameof(GetSyllabus))]
    public async Task<IActionResult> GetSyllabus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SyllabusEndpoints.Routes.Get)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        new HttpResultAction(await queries.GetAsync(request, client, id));

    [Function(nameof(ShareSyllabus))]
    public async Task<IActionResult> ShareSyllabus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SyllabusEndpoints.Routes.Share)] HttpRequest request,
        string id) =>
        new HttpResultAction(await sharing.ShareAsync(request, id));

    [Function(nameof(ListMySyllabi))]
    public async Task<IActionResult> ListMySyllabi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SyllabusEndpoints.Routes.Mine)] HttpRequest request) =>
        new HttpResultAction(await sharing.ListMineAsync(request));

    [Function(nameof(GenerateSyllabusLesson))]
    public async Task<IActionResult> GenerateSyllabusLesson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SyllabusEndpoints.Routes.GenerateLesson)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string lessonId) =>
        new HttpResultAction(await lessons.StartLessonRunAsync(request.WithDurableClient(client), client, id, lessonId));

    [Function(nameof(GenerateSyllabusLessons))]
    public async Task<IActionResult> GenerateSyllabusLessons(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SyllabusEndpoints.Routes.GenerateAll)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        new HttpResultAction(await lessons.StartPendingLessonsBatchAsync(request.WithDurableClient(client), client, id));

    [Function(nameof(LowerSyllabusDifficulty))]
    public async Task<IActionResult> LowerSyllabusDifficulty(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SyllabusEndpoints.Routes.LowerDifficulty)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        new HttpResultAction(await difficulty.LowerAsync(request.WithDurableClient(client), client, id));
}
