using DurableLessons.Http.Requests;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Runs;

/// <summary>
/// POST /api/admin/runs/{terminate|rewind|purge}: applies one of the client's single-run operations to every run the
/// filter matches (all pages, listed before acting). <c>dryRun=true</c> lists the runs and touches nothing. A run the
/// operation refuses (e.g. rewinding one that has not failed) is reported with its reason; the others go on.
/// </summary>
public sealed class BulkRunOperations(ILogger<BulkRunOperations> logger)
{
    public static IReadOnlyList<string> Operations { get; } = ["terminate", "rewind", "purge"];

    public async Task<IResult> RunAsync(HttpRequest request, DurableTaskClient client, string operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (filter, errors) = RunFilterParser.Parse(request.Query);
        var op = operation?.ToLowerInvariant() ?? string.Empty;
        if (!Operations.Contains(op))
        {
            errors["operation"] = [$"Use one of {string.Join(", ", Operations)}."];
        }

        var dryRunText = request.Query["dryRun"].ToString();
        var dryRun = false;
        if (dryRunText.Length > 0 && !bool.TryParse(dryRunText, out dryRun))
        {
            errors["dryRun"] = ["true or false."];
        }

        if (filter is null || errors.Count > 0)
        {
            return RequestProblems.Invalid(errors);
        }

        var matches = new List<string>();
        await foreach (var run in RunCatalog.MatchingAsync(client, filter, cancellationToken))
        {
            matches.Add(run.InstanceId);
        }

        if (dryRun)
        {
            return Results.Ok(new BulkOutcome(op, true, matches.Count, 0, [], matches));
        }

        var failures = new List<BulkFailure>();
        foreach (var instanceId in matches)
        {
            try
            {
                await ApplyAsync(client, op, instanceId, cancellationToken);
            }
            // The SDK reports an unknown instance as ArgumentException and a refused operation as InvalidOperationException.
            catch (Exception error) when (error is ArgumentException or InvalidOperationException or NotSupportedException or NotImplementedException)
            {
                failures.Add(new BulkFailure(instanceId, error.Message));
            }
        }

        logger.LogInformation("Bulk {Operation} matched {Matched} runs; {Failed} failed", op, matches.Count, failures.Count);
        return Results.Ok(new BulkOutcome(op, false, matches.Count, matches.Count - failures.Count, failures, matches));
    }

    private static Task ApplyAsync(DurableTaskClient client, string operation, string instanceId, CancellationToken cancellationToken) => operation switch
    {
        "terminate" => client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions("Terminated by a bulk administration request."), cancellationToken),
        "rewind" => client.RewindInstanceAsync(instanceId, "Rewound by a bulk administration request.", cancellationToken),
        _ => PurgeAsync(client, instanceId, cancellationToken),
    };

    private static async Task PurgeAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var result = await client.PurgeInstanceAsync(instanceId, cancellationToken);
        if (result.PurgedInstanceCount == 0)
        {
            throw new InvalidOperationException($"Run '{instanceId}' was not purged (only completed, failed or terminated runs can be).");
        }
    }
}

public sealed record BulkFailure(string InstanceId, string Error);

public sealed record BulkOutcome(string Operation, bool DryRun, int Matched, int Succeeded, IReadOnlyList<BulkFailure> Failures, IReadOnlyList<string> InstanceIds);
