using System.Globalization;
using System.Text;
using DurableLessons.Http.Requests;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Runs;

/// <summary>
/// GET /api/runs: the runs matching the filter, newest first, one page at a time (<c>pageSize</c>, default 50, and
/// the <c>continuationToken</c> of the previous page), with the status counts of every match, not only the page's.
/// </summary>
public static class RunQueries
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static async Task<IResult> ListAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, errors) = RunFilterParser.Parse(request.Query);
        var pageSize = PageSize(request.Query, errors);
        var offset = Offset(request.Query, errors);
        if (filter is null || errors.Count > 0)
        {
            return RequestProblems.Invalid(errors);
        }

        var counts = Enum.GetNames<VisibleStatus>().ToDictionary(name => name, _ => 0, StringComparer.Ordinal);
        var page = new List<RunSummary>(pageSize);
        var index = 0;
        await foreach (var run in RunCatalog.MatchingAsync(client, filter, request.HttpContext.RequestAborted))
        {
            var status = run.RuntimeStatus.ToString();
            counts[status] = counts.GetValueOrDefault(status) + 1;
            if (index >= offset && page.Count < pageSize)
            {
                page.Add(RunSummary.From(run));
            }

            index++;
        }

        var next = offset + page.Count < index ? Token(offset + page.Count) : null;
        return Results.Ok(new RunListing(page, counts, next));
    }

    /// <summary><c>pageSize</c>, or <c>top</c> as Durable's list API names it; a value out of range is refused, never ignored.</summary>
    private static int PageSize(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        if (query.ContainsKey("top") && query.ContainsKey("pageSize"))
        {
            errors["top"] = ["Give either top or pageSize, not both."];
            return DefaultPageSize;
        }

        var name = query.ContainsKey("top") ? "top" : "pageSize";
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return DefaultPageSize;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize)
        {
            return size;
        }

        errors[name] = [$"A whole number from 1 to {MaxPageSize}."];
        return DefaultPageSize;
    }

    private static int Offset(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var text = query["continuationToken"].ToString();
        if (text.Length == 0)
        {
            return 0;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            if (decoded.StartsWith("runs:", StringComparison.Ordinal) && int.TryParse(decoded.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        errors["continuationToken"] = ["Not a token this route returned."];
        return 0;
    }

    private static string Token(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"runs:{offset}")));

    /// <summary>The statuses counted in every listing, even when zero.</summary>
    private enum VisibleStatus
    {
        Pending,
        Running,
        Completed,
        Failed,
        Terminated,
        Suspended,
    }
}

public sealed record RunListing(IReadOnlyList<RunSummary> Runs, IReadOnlyDictionary<string, int> StatusCounts, string? ContinuationToken);
