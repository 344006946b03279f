using DurableLessons.Http.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Functions.Triggers.Http;

/// <summary>The page's sign-in settings, bound to the same handler and route as <see cref="AuthConfigEndpoint"/>.</summary>
public sealed class AuthHttpFunctions(IOptions<AuthOptions> options)
{
    [Function(nameof(GetAuthConfig))]
    public IActionResult GetAuthConfig(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AuthConfigEndpoint.Route)] HttpRequest request) =>
        new HttpResultAction(AuthConfigEndpoint.Get(options));
}
