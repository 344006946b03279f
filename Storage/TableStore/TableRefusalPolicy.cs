using Azure.Core;
using Azure.Core.Pipeline;

namespace DurableLessons.Storage.TableStore;

/// <summary>
/// Turns the service refusing our credentials (401/403) into <see cref="TableStorageRefusedException"/> naming the
/// setting to fix. Added per call, so it sees the final answer after the SDK's retries (which never retry these).
/// </summary>
internal sealed class TableRefusalPolicy(string settingAdvice) : HttpPipelineSynchronousPolicy
{
    public override void OnReceivedResponse(HttpMessage message)
    {
        var response = message.Response;
        if (response.Status is not (401 or 403))
        {
            return;
        }

        var code = response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : "no error code";
        throw new TableStorageRefusedException(
            $"Table storage at {message.Request.Uri.Host}:{message.Request.Uri.Port} refused the request ({response.Status} {code}): {settingAdvice}",
            response.Status);
    }
}
