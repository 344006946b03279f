using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using DurableLessons.Testing.Azurite;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Storage.Tests.Infrastructure;

/// <summary>
/// A local https endpoint (self-signed certificate, 127.0.0.1, free port) standing in for the Table service: records
/// each request's method, path and headers, and answers like the service would for table creation and a missing entity,
/// after answering the first <c>transientFailures</c> requests with 503 Server Busy.
/// </summary>
internal sealed class RecordingHttpsServer : IAsyncDisposable
{
    private LoopbackServer server = null!;

    private RecordingHttpsServer(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public Uri Endpoint => server.BaseAddress;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<RecordingHttpsServer> StartAsync(int transientFailures = 0)
    {
        var server = new RecordingHttpsServer(LoopbackCertificate.Create());
        try
        {
            server.server = await LoopbackServer.StartAsync(
                app => app.Run(context => server.AnswerAsync(context, transientFailures)),
                new LoopbackServerOptions { Certificate = server.Certificate });
            return server;
        }
        catch
        {
            server.Certificate.Dispose();
            throw;
        }
    }

    private async Task AnswerAsync(HttpContext context, int transientFailures)
    {
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (Requests.Count <= transientFailures)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers["x-ms-error-code"] = "ServerBusy";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"odata.error":{"code":"ServerBusy","message":{"lang":"en-US","value":"The server is busy."}}}""");
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"odata.error":{"code":"ResourceNotFound","message":{"lang":"en-US","value":"The specified resource does not exist."}}}""");
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Certificate.Dispose();
    }

}

internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers);
