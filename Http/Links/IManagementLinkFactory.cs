using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Links;

/// <summary>Builds the management links of an instance for the host that received <paramref name="request"/>.</summary>
public interface IManagementLinkFactory
{
    HttpManagementPayload Create(HttpRequest request, string instanceId);
}
