using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace DurableLessons.Storage.Tables;

/// <summary>Stamps every attempt with x-ms-date, which Shared Key signatures cover and the service checks for freshness.</summary>
internal sealed class StorageDateHeaderPolicy(TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public const string HeaderName = "x-ms-date";

    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue(HeaderName, time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
}
