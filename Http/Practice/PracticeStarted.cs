using System.Reflection;
using System.Text.Json.Serialization;
using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace DurableLessons.Http.Practice;

/// <summary>The check-status payload of the session's orchestration, plus where its transcript is read.</summary>
public sealed record PracticeStarted([property: JsonIgnore] HttpManagementPayload Payload, string SessionUrl)
{
    public string Id => Payload.Id;
    public string StatusQueryGetUri => Payload.StatusQueryGetUri;
    public string? SendEventPostUri => Payload.SendEventPostUri;
    public string? TerminatePostUri => Payload.TerminatePostUri;
    public string? SuspendPostUri => Payload.SuspendPostUri;
    public string? ResumePostUri => Payload.ResumePostUri;
    public string? RewindPostUri => Payload.RewindPostUri;
    public string? RestartPostUri => Payload.RestartPostUri;
    public string? PurgeHistoryDeleteUri => Payload.PurgeHistoryDeleteUri;
}

/// <summary>202 with <c>Location</c> = the status URL and <c>Retry-After</c>, as every starter answers.</summary>
public sealed class PracticeStartedResult(PracticeStarted started) : IResult, IStatusCodeHttpResult, IValueHttpResult<PracticeStarted>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status202Accepted;

    public PracticeStarted Value => started;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status202Accepted;
        response.Headers.Location = started.StatusQueryGetUri;
        response.Headers.RetryAfter = CheckStatusResponse.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response.WriteAsJsonAsync(started, ManagementJson.Options, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(PracticeStarted), ["application/json"]));
    }
}
