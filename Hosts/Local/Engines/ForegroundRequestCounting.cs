using DurableLessons.Engine;
using DurableLessons.Http.Streaming;

namespace DurableLessons.Hosts.Local.Engines;

/// <summary>
/// Counts every request the embedded host is serving in <see cref="ForegroundRequests"/>, so the embedded engine holds
/// its next episode or activity back while requests are waiting for the CPU (see
/// <c>Engine:YieldToRequestsMilliseconds</c>). Event streams (<see cref="LongLivedRequest"/>) are not counted.
/// Other engines have nothing to hold back: the pipeline is then unchanged.
/// </summary>
internal static class ForegroundRequestCounting
{
    public static WebApplication UseForegroundRequestCounting(this WebApplication app)
    {
        if (app.Services.GetService<ForegroundRequests>() is not { } requests)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<LongLivedRequest>() is not null)
            {
                await next(context);
                return;
            }

            requests.Enter();
            try
            {
                await next(context);
            }
            finally
            {
                requests.Exit();
            }
        });
        return app;
    }
}
