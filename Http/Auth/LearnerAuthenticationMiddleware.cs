using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Auth;

/// <summary>The embedded host's bearer check (<see cref="LearnerAuthenticator"/>); the Functions worker has its own middleware around the same check.</summary>
internal sealed class LearnerAuthenticationMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, LearnerAuthenticator authenticator) =>
        authenticator.Checks(context.Request) ? AuthenticateAsync(context, authenticator) : next(context);

    private async Task AuthenticateAsync(HttpContext context, LearnerAuthenticator authenticator)
    {
        if (await authenticator.AuthenticateAsync(context) is { } rejection)
        {
            await rejection.ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}

public static class LearnerAuthenticationApplicationBuilderExtensions
{
    /// <summary>Checks bearer tokens on <c>/api/*</c> when <c>Auth</c> is on; call before the function key check, which a signed-in learner passes.</summary>
    public static IApplicationBuilder UseLearnerAuthentication(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<LearnerAuthenticationMiddleware>();
    }
}
