using DurableLessons.Http.Links;
using DurableLessons.Http.Problems;
using DurableTask.Core.Exceptions;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>
/// Turns request errors into problem+json answers: those handlers raise while reading their input, and, as a safety
/// net, the Durable client's documented exceptions for a start under a live id and for arguments it rejects
/// (handlers map the ones they expect themselves, with the operation's own wording).
/// </summary>
internal sealed class WebhookProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidWebhookParameterException e)
        {
            return ProblemResponses.InvalidParameter(e.Parameter, e.Reason);
        }
        catch (WebhookBodyTooLargeException e)
        {
            return ProblemResponses.PayloadTooLarge(e.Message);
        }
        catch (OrchestrationAlreadyExistsException e)
        {
            return ProblemResponses.Conflict(e.Message);
        }
        catch (ArgumentException e)
        {
            return ProblemResponses.InvalidParameter(string.IsNullOrEmpty(e.ParamName) ? "request" : e.ParamName, e.Message);
        }
    }
}
