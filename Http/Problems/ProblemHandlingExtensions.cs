using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
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
        // The default status-code page has no detail and falls back to text/plain when Accept names neither JSON
        // nor */*; problem+json is the only error format of this API, whatever the client asks for.
        app.UseStatusCodePages(context => EmptyErrorAsProblem(context.HttpContext).ExecuteAsync(context.HttpContext));
        return app;
    }

    private static IResult EmptyErrorAsProblem(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var request = context.Request;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => $"There is no route {request.Method} {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not accept {request.Method}.",
            _ => $"{request.Method} {request.Path} was answered {status}.",
        };
        return Results.Problem(statusCode: status, title: ReasonPhrases.GetReasonPhrase(status), detail: detail);
    }
}
