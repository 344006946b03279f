using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace DurableLessons.Http.Security;

/// <summary>Puts <see cref="RedactedRequestLogMiddleware"/> first in the pipeline, so it sees every request and its final status.</summary>
internal sealed class RedactedRequestLogStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RedactedRequestLogMiddleware>();
        next(app);
    };
}
