using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace DurableLessons.Http.Links;

/// <summary>
/// The typed form of <see cref="CheckStatusResponse.Accepted"/> (202, <c>Location</c>, <c>Retry-After</c>, the
/// management payload) for handlers returning <c>Results&lt;…&gt;</c>: it writes exactly that answer and tells the
/// OpenAPI document so.
/// </summary>
public sealed class CheckStatusAccepted(HttpManagementPayload payload)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<HttpManagementPayload>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status202Accepted;

    public HttpManagementPayload Value => payload;

    object? IValueHttpResult.Value => payload;

    public Task ExecuteAsync(HttpContext httpContext) => CheckStatusResponse.Accepted(payload).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(HttpManagementPayload), ["application/json"]));
    }
}
