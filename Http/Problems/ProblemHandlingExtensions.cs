using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Http.Problems;

public static class ProblemHandlingExtensions
{
    /// <summary>Registers RFC 7807 problem details and the handler that keeps client errors out of the 500s.</summary>
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ClientErrorExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Answers unhandled exceptions and empty error responses (unknown routes, wrong methods) with problem+json.
    /// Call first in the pipeline.
    /// </summary>
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
