using DurableLessons.Hosts.Functions.Links;
using DurableLessons.Http.Practice;
using DurableLessons.Http.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>The practice routes, bound to the same handlers, verbs and routes as the embedded host's <see cref="PracticeEndpoints"/>.</summary>
public sealed class PracticeHttpFunctions(PracticeStartHandler starter, PracticeMessages messages, PracticeQueries queries, PracticeProgress progress)
{
    [Function(nameof(StartPractice))]
    public async Task<IActionResult> StartPractice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PracticeRoutes.Start)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string subject,
        string topic) =>
        new HttpResultAction(await starter.StartAsync(
            request.WithDurableClient(client), client, subject, topic, request.Query["level"], request.Query["version"], request.Query["learnerId"]));

    [Function(nameof(PostPracticeMessage))]
    public async Task<IActionResult> PostPracticeMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PracticeRoutes.Messages)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string sessionId) =>
        new HttpResultAction(await messages.PostAsync(await JsonBody<PracticeMessageRequest>.ReadAsync(request), request, client, sessionId));

    [Function(nameof(GetPracticeSession))]
    public async Task<IActionResult> GetPracticeSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PracticeRoutes.Session)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string sessionId) =>
        new HttpResultAction(await queries.GetAsync(request, client, sessionId));

    [Function(nameof(GetMyProgress))]
    public async Task<IActionResult> GetMyProgress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PracticeRoutes.MyProgress)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new HttpResultAction(await progress.GetAsync(request, client, request.Query["learnerId"]));
}
