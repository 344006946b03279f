using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>
/// Writes request bytes as-is to the host's socket and reads the answer until the server closes the connection,
/// for framing HttpClient will not produce (duplicated Content-Length, broken chunks, control bytes in headers).
/// </summary>
public static class RawHttp
{
    /// <summary>A request with <c>Host</c> and <c>Connection: close</c> added, so the server ends the exchange.</summary>
    public static byte[] Request(string requestLine, IEnumerable<string> headers, string body = "")
    {
        var text = new StringBuilder();
        text.Append(requestLine).Append("\r\n");
        text.Append("Host: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            text.Append(header).Append("\r\n");
        }

        text.Append("\r\n").Append(body);
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    public static async Task<CaseResponse> SendAsync(Uri baseAddress, byte[] request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, timeout.Token);
            await stream.FlushAsync(timeout.Token);
        }
        catch (IOException)
        {
            // The server may reject and close before it has read everything; its answer is still readable.
        }

        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer was sent.
        }

        return Parse(received.ToArray());
    }

    private static CaseResponse Parse(byte[] bytes)
    {
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            throw new InvalidOperationException($"The server sent no complete HTTP answer: '{Encoding.Latin1.GetString(bytes)}'");
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, headerEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToLookup(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = bytes.AsSpan(headerEnd + 4).ToArray();
        if (headers["Transfer-Encoding"].Any(value => value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Unchunk(body);
        }

        var mediaType = headers["Content-Type"].FirstOrDefault()?.Split(';')[0].Trim();
        return new CaseResponse(status, mediaType, Encoding.UTF8.GetString(body));
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        using var result = new MemoryStream();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.Latin1.GetString(chunked, position, lineEnd).Split(';')[0];
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                break;
            }

            var start = position + lineEnd + 2;
            var length = Math.Min(size, chunked.Length - start);
            result.Write(chunked, start, length);
            position = start + length + 2;
        }

        return result.ToArray();
    }
}
