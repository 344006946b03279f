using DurableLessons.Http.Auth;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Hosts.Functions.Security;

/// <summary>
/// Learner sign-in (<c>Auth:*</c>) in the worker, with the embedded host's check (<see cref="LearnerAuthenticator"/>):
/// the bearer token is validated here rather than left to App Service, so the same settings work in both hosts;
/// App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> counts only with <c>Auth:TrustAppServiceAuthentication</c>.
/// Registered before <see cref="FunctionKeyWorkerMiddleware"/>, which a signed-in learner passes.
/// </summary>
public sealed class LearnerAuthenticationWorkerMiddleware(LearnerAuthenticator authenticator) : HttpFunctionMiddleware
{
    protected override string Check => "sign-in";

    protected override async Task<bool> AnsweredAsync(HttpContext httpContext)
    {
        if (await authenticator.AuthenticateAsync(httpContext) is not { } rejection)
        {
            return false;
        }

        await rejection.ExecuteAsync(httpContext);
        return true;
    }
}
