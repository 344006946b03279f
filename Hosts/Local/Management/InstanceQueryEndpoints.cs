using DurableLessons.Http.Links;
using DurableLessons.Http.Problems;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>GET <c>/instances/{id}</c> (status of one instance) and GET <c>/instances</c> (paged list).</summary>
internal static class InstanceQueryEndpoints
{
    public const string ContinuationTokenHeader = "x-ms-continuation-token";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("instances/{instanceId}", GetStatusAsync);
        group.MapGet("instances", ListAsync);
    }

    private static async Task<IResult> GetStatusAsync(
        string instanceId,
        HttpRequest request,
        [FromServices] DurableTaskClient client,
        [FromServices] IServiceProvider services,
        CancellationToken cancellationToken)
    {
        WebhookRouteValues.InstanceId(instanceId);
        var query = new WebhookQuery(request);
        var showHistory = query.Bool("showHistory", defaultValue: false);
        var showHistoryOutput = query.Bool("showHistoryOutput", defaultValue: false);
        var showInput = query.Bool("showInput", defaultValue: true);
        var failureIsServerError = query.Bool("returnInternalServerErrorOnFailure", defaultValue: false);

        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        var payload = InstanceStatusPayload.From(metadata, showInput);
        if (showHistory)
        {
            var historySource = services.GetService<IInstanceHistorySource>();
            if (historySource is null)
            {
                return ProblemResponses.NotImplemented("This host does not keep instance history.");
            }

            var history = await historySource.GetHistoryAsync(instanceId, cancellationToken);
            if (history is null)
            {
                return InstanceProblems.NotFound(instanceId);
            }

            payload = payload with { HistoryEvents = InstanceHistoryPayload.From(history, showHistoryOutput, showInput) };
        }

        return InstanceStatusResult.For(request, metadata.RuntimeStatus, payload, failureIsServerError);
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request,
        [FromServices] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var query = new WebhookQuery(request);
        var showInput = query.Bool("showInput", defaultValue: true);
        var continuationToken = ContinuationToken(request);
        var instanceQuery = new OrchestrationQuery
        {
            InstanceIdPrefix = query.Value("instanceIdPrefix") is { Length: > 0 } prefix ? prefix : null,
            CreatedFrom = query.DateTime("createdTimeFrom"),
            CreatedTo = query.DateTime("createdTimeTo"),
            Statuses = query.RuntimeStatuses("runtimeStatus"),
            PageSize = query.Top("top") ?? new OrchestrationQuery().PageSize,
            FetchInputsAndOutputs = true,
        };

        Page<OrchestrationMetadata> page;
        try
        {
            page = await FirstPageAsync(client, instanceQuery, continuationToken, cancellationToken);
        }
        catch (ArgumentException e) when (continuationToken is not null)
        {
            return ProblemResponses.InvalidParameter(ContinuationTokenHeader, $"is not a continuation token this host issued ({e.Message})");
        }

        if (!string.IsNullOrEmpty(page.ContinuationToken))
        {
            request.HttpContext.Response.Headers[ContinuationTokenHeader] = page.ContinuationToken;
        }

        var statuses = page.Values.Select(metadata => InstanceStatusPayload.From(metadata, showInput)).ToList();
        return TypedResults.Json(statuses, ManagementJson.Options);
    }

    private static async Task<Page<OrchestrationMetadata>> FirstPageAsync(
        DurableTaskClient client, OrchestrationQuery query, string? continuationToken, CancellationToken cancellationToken)
    {
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(continuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            return page;
        }

        return new Page<OrchestrationMetadata>([], null);
    }

    private static string? ContinuationToken(HttpRequest request)
    {
        var values = request.Headers[ContinuationTokenHeader];
        if (values.Count > 1)
        {
            throw new InvalidWebhookParameterException(ContinuationTokenHeader, "must be given at most once.");
        }

        return string.IsNullOrEmpty(values.ToString()) ? null : values.ToString();
    }
}
