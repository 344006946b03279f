using DurableLessons.Hosts.Functions.Links;
using DurableLessons.Http.Regeneration;
using DurableLessons.Http.Retention;
using DurableLessons.Http.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>Run administration, bound to the same handlers and routes as <see cref="AdminEndpoints"/> (the handlers check the system key).</summary>
public sealed class AdminHttpFunctions(
    BulkRunOperations bulk,
    RetentionEndpoint retention,
    RegenerationStartHandler regeneration,
    AdminAccess access)
{
    [Function(nameof(ListRuns))]
    public async Task<IActionResult> ListRuns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminEndpoints.Routes.Runs)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new HttpResultAction(access.DenyListing(request) ?? await RunQueries.ListAsync(request.WithDurableClient(client), client));

    [Function(nameof(BulkRunOperation))]
    public async Task<IActionResult> BulkRunOperation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AdminEndpoints.Routes.BulkOperation)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string operation) =>
        new HttpResultAction(access.Deny(request) ?? await bulk.RunAsync(request.WithDurableClient(client), client, operation));

    [Function(nameof(PurgeOldRuns))]
    public async Task<IActionResult> PurgeOldRuns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AdminEndpoints.Routes.AdminRuns)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new HttpResultAction(access.Deny(request) ?? await retention.PurgeAsync(request.WithDurableClient(client), client));

    [Function(nameof(StartRegeneration))]
    public async Task<IActionResult> StartRegeneration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AdminEndpoints.Routes.Regenerations)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new HttpResultAction(access.Deny(request) ?? await regeneration.StartNowAsync(request.WithDurableClient(client), client));
}
