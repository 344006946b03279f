using System.Text;
using System.Text.RegularExpressions;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DurableLessons.StorageOutage.Tests.Infrastructure;

/// <summary>
/// An HTTP proxy on 127.0.0.1 in front of Azurite that plays "the commit happened, the answer never came": the first
/// time it sees the transaction that saves a given run's lesson version, it forwards it, lets Azurite commit it, then
/// drops the connection instead of returning the response. Everything else passes through unchanged.
/// </summary>
public sealed partial class ResponseDroppingProxy : IAsyncDisposable
{
    private readonly HttpClient forward;
    private readonly Uri target;
    private readonly HashSet<string> runMarkersSeen = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private LoopbackServer server = null!;
    private int droppedResponses;

    private ResponseDroppingProxy(HttpClient forward, Uri target)
    {
        this.forward = forward;
        this.target = target;
    }

    public int Port => server.Port;

    /// <summary>Committed save transactions whose response was thrown away.</summary>
    public int DroppedResponses => Volatile.Read(ref droppedResponses);

    public static async Task<ResponseDroppingProxy> StartAsync(int targetPort)
    {
        var forward = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        });
        var proxy = new ResponseDroppingProxy(forward, new Uri($"http://127.0.0.1:{targetPort}"));
        proxy.server = await LoopbackServer.StartAsync(app => app.Run(proxy.ForwardAsync));
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        forward.Dispose();
    }

    [GeneratedRegex("run~[0-9a-f]{64}")]
    private static partial Regex RunMarkerRowKey();

    private async Task ForwardAsync(HttpContext context)
    {
        var incoming = context.Request;
        using var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, context.RequestAborted);

        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(target, rawTarget));
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (name is "Host" or "Content-Length" or "Transfer-Encoding" or "Connection")
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await forward.SendAsync(request, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        if (await IsFirstCommittedSaveAsync(incoming, body, response))
        {
            Interlocked.Increment(ref droppedResponses);
            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Connection" or "Keep-Alive"))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>
    /// A lesson save is the only transaction that writes a run marker row; drop its first committed answer per run. A
    /// transaction's HTTP status is 202 either way: the sub-responses say whether it committed.
    /// </summary>
    private async Task<bool> IsFirstCommittedSaveAsync(HttpRequest request, MemoryStream body, HttpResponseMessage response)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.Path.Value!.EndsWith("/$batch", StringComparison.Ordinal) || !response.IsSuccessStatusCode)
        {
            return false;
        }

        var answer = await response.Content.ReadAsStringAsync();
        if (answer.Contains("HTTP/1.1 4", StringComparison.Ordinal) || answer.Contains("HTTP/1.1 5", StringComparison.Ordinal))
        {
            return false;
        }

        var marker = RunMarkerRowKey().Match(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
        if (!marker.Success)
        {
            return false;
        }

        lock (sync)
        {
            return runMarkersSeen.Add(marker.Value);
        }
    }
}
