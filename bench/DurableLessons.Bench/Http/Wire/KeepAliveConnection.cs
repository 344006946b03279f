using System.Net;
using System.Net.Sockets;

namespace DurableLessons.Bench.Http.Wire;

/// <summary>
/// One HTTP/1.1 keep-alive connection over a raw socket with <c>TCP_NODELAY</c>, the way <c>wrk</c> talks to a server:
/// write the request bytes, read the response in full, reuse the socket; connect on first use and again after the
/// server closed it (<c>Connection: close</c>, a body framed by the end of the stream, or an error). One request at a
/// time; not thread-safe.
/// </summary>
internal sealed class KeepAliveConnection(EndPoint server) : IDisposable
{
    private Socket? _socket;
    private HttpResponseReader? _reader;

    /// <summary>
    /// False when the connection is open but idle and the server has closed it (or sent bytes nobody asked for):
    /// to be checked before reusing a connection that sat idle, e.g. between two load runs.
    /// </summary>
    public bool IsReusable => _socket is null || !_socket.Poll(0, SelectMode.SelectRead);

    /// <summary>Sends one request and reads its response; the body is valid until the next call.</summary>
    /// <exception cref="SocketException">Connecting, writing or reading failed.</exception>
    /// <exception cref="EndOfStreamException">The server closed the connection before the response was complete.</exception>
    /// <exception cref="InvalidDataException">The server's answer is not HTTP/1.x.</exception>
    public async ValueTask<HttpResponse> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        if (_socket is null || _reader is null)
        {
            await ConnectAsync(cancellationToken);
        }

        try
        {
            var socket = _socket!;
            while (!request.IsEmpty)
            {
                var sent = await socket.SendAsync(request, SocketFlags.None, cancellationToken);
                request = request[sent..];
            }

            var response = await _reader!.ReadAsync(cancellationToken);
            if (!response.KeepAlive)
            {
                Close();
            }

            return response;
        }
        catch
        {
            Close();
            throw;
        }
    }

    public void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _reader = null;
    }

    public void Dispose() => Close();

    private async ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        Close();
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _reader = new HttpResponseReader((buffer, token) => socket.ReceiveAsync(buffer, SocketFlags.None, token));
    }
}
