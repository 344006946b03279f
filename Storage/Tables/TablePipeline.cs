using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace DurableLessons.Storage.Tables;

/// <summary>The authenticated HTTP pipeline plus the account's Table endpoint; builds requests with the protocol headers.</summary>
internal sealed class TablePipeline
{
    private readonly HttpPipeline pipeline;
    private readonly string basePath;
    private readonly Uri origin;

    public TablePipeline(HttpPipeline pipeline, Uri endpoint)
    {
        this.pipeline = pipeline;
        Endpoint = endpoint;
        basePath = endpoint.AbsolutePath.TrimEnd('/');
        origin = new Uri(endpoint.GetLeftPart(UriPartial.Authority));
    }

    public Uri Endpoint { get; }

    /// <summary>A request to <paramref name="relativePath"/> (already escaped, starting with '/'), below the endpoint's path.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string relativePath)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(origin);
        request.Uri.AppendPath(basePath + relativePath, escape: false);
        request.Headers.SetValue("x-ms-version", TableClientOptions.ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue(HttpHeader.Names.Accept, "application/json;odata=minimalmetadata");
        return message;
    }

    /// <summary>The absolute URL of a path, as transaction sub-requests name their targets.</summary>
    public string AbsoluteUrl(string relativePath) => origin.GetLeftPart(UriPartial.Authority) + basePath + relativePath;

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken);
        return message.Response;
    }

    public static string TablePath(string table) => "/" + Uri.EscapeDataString(table);

    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{TablePath(table)}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
