using System.Buffers.Text;
using System.Text;

namespace DurableLessons.Bench.Http.Wire;

/// <summary>
/// Reads HTTP/1.1 responses one after the other from a byte stream (a keep-alive connection): status line, headers,
/// then the whole body, framed by <c>Content-Length</c>, by <c>Transfer-Encoding: chunked</c> (extensions and trailers
/// skipped) or, without either, by the end of the stream. Interim 1xx responses are skipped. Bytes that arrive after
/// one response stay buffered for the next. Not thread-safe: one reader per connection.
/// </summary>
internal sealed class HttpResponseReader(Func<Memory<byte>, CancellationToken, ValueTask<int>> receive)
{
    /// <summary>Longest status line, header line or chunk-size line accepted (a guard against a runaway peer).</summary>
    public const int MaxLineBytes = 64 * 1024;

    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private byte[] _body = new byte[4 * 1024];
    private int _bodyLength;

    /// <summary>Reads the next final response.</summary>
    /// <exception cref="EndOfStreamException">The peer closed the stream before the response was complete.</exception>
    /// <exception cref="InvalidDataException">The bytes are not an HTTP/1.x response.</exception>
    public async ValueTask<HttpResponse> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var head = await ReadHeadAsync(cancellationToken);
            _bodyLength = 0;
            if (head.StatusCode is >= 100 and < 200)
            {
                continue;
            }

            var keepAlive = head.KeepAlive;
            if (head.StatusCode is 204 or 304)
            {
                // No body by definition.
            }
            else if (head.Chunked)
            {
                await ReadChunkedBodyAsync(cancellationToken);
            }
            else if (head.ContentLength is { } length)
            {
                await CopyBodyAsync(length, cancellationToken);
            }
            else
            {
                await ReadBodyToEndAsync(cancellationToken);
                keepAlive = false;
            }

            return new HttpResponse(head.StatusCode, keepAlive, _body.AsMemory(0, _bodyLength));
        }
    }

    private async ValueTask<ResponseHead> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var statusLine = await ReadLineAsync(cancellationToken, atResponseStart: true);
        var head = ParseStatusLine(_buffer.AsSpan(statusLine.Offset, statusLine.Length));
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line.Length == 0)
            {
                return head;
            }

            head = ApplyHeader(head, _buffer.AsSpan(line.Offset, line.Length));
        }
    }

    private static ResponseHead ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // HTTP/1.1 200 OK (the reason phrase may be empty or missing).
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != (byte)' ' || (line.Length > 12 && line[12] != (byte)' ')
            || !Utf8Parser.TryParse(line.Slice(9, 3), out int status, out var consumed) || consumed != 3 || status < 100)
        {
            throw new InvalidDataException($"Not an HTTP/1.x status line: '{Printable(line)}'.");
        }

        // HTTP/1.0 closes after the response unless it says keep-alive.
        return new ResponseHead(status, KeepAlive: line[7] != (byte)'0', Chunked: false, ContentLength: null);
    }

    private static ResponseHead ApplyHeader(ResponseHead head, ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            throw new InvalidDataException($"Malformed header line: '{Printable(line)}'.");
        }

        var name = line[..colon];
        var value = line[(colon + 1)..].Trim((byte)' ').Trim((byte)'\t');
        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            if (!Utf8Parser.TryParse(value, out long length, out var consumed) || consumed != value.Length || length < 0)
            {
                throw new InvalidDataException($"Invalid Content-Length: '{Printable(value)}'.");
            }

            return head with { ContentLength = length };
        }

        if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            // Chunked is always the last coding when present.
            return head with { Chunked = value.Length >= 7 && Ascii.EqualsIgnoreCase(value[^7..], "chunked"u8) };
        }

        if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
        {
            foreach (var range in value.Split((byte)','))
            {
                var option = value[range].Trim((byte)' ');
                if (Ascii.EqualsIgnoreCase(option, "close"u8))
                {
                    return head with { KeepAlive = false };
                }

                if (Ascii.EqualsIgnoreCase(option, "keep-alive"u8))
                {
                    head = head with { KeepAlive = true };
                }
            }
        }

        return head;
    }

    private async ValueTask ReadChunkedBodyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken);
            var size = ParseChunkSize(_buffer.AsSpan(sizeLine.Offset, sizeLine.Length));
            if (size == 0)
            {
                // Trailer fields, then the empty line that ends the message.
                while ((await ReadLineAsync(cancellationToken)).Length > 0)
                {
                }

                return;
            }

            await CopyBodyAsync(size, cancellationToken);
            if ((await ReadLineAsync(cancellationToken)).Length != 0)
            {
                throw new InvalidDataException("Chunk data is not followed by CRLF.");
            }
        }
    }

    private static long ParseChunkSize(ReadOnlySpan<byte> line)
    {
        var end = line.IndexOfAny((byte)';', (byte)' ', (byte)'\t');
        var digits = end < 0 ? line : line[..end];
        if (digits.IsEmpty || digits.Length > 15 || !Utf8Parser.TryParse(digits, out long size, out var consumed, 'X') || consumed != digits.Length)
        {
            throw new InvalidDataException($"Invalid chunk size line: '{Printable(line)}'.");
        }

        return size;
    }

    /// <summary>Moves <paramref name="count"/> body bytes from the stream into the body buffer.</summary>
    private async ValueTask CopyBodyAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException($"The connection closed with {count} body bytes still to come.");
            }

            var take = (int)Math.Min(count, _end - _start);
            AppendBody(_buffer.AsSpan(_start, take));
            _start += take;
            count -= take;
        }
    }

    private async ValueTask ReadBodyToEndAsync(CancellationToken cancellationToken)
    {
        do
        {
            AppendBody(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }
        while (await FillAsync(cancellationToken));
    }

    private void AppendBody(ReadOnlySpan<byte> bytes)
    {
        if (_bodyLength + bytes.Length > _body.Length)
        {
            Array.Resize(ref _body, Math.Max(_body.Length * 2, _bodyLength + bytes.Length));
        }

        bytes.CopyTo(_body.AsSpan(_bodyLength));
        _bodyLength += bytes.Length;
    }

    /// <summary>The next CRLF-terminated line (without the CRLF); consumes it.</summary>
    private async ValueTask<(int Offset, int Length)> ReadLineAsync(CancellationToken cancellationToken, bool atResponseStart = false)
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _start + searched + newline;
                if (lineEnd == _start || _buffer[lineEnd - 1] != (byte)'\r')
                {
                    throw new InvalidDataException("A line of the response does not end with CRLF.");
                }

                var line = (Offset: _start, Length: lineEnd - 1 - _start);
                _start = lineEnd + 1;
                return line;
            }

            searched = _end - _start;
            if (searched > MaxLineBytes)
            {
                throw new InvalidDataException($"A line of the response is longer than {MaxLineBytes} bytes.");
            }

            var hadBytes = _end > _start;
            if (!await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException(atResponseStart && !hadBytes
                    ? "The connection closed before a response arrived."
                    : "The connection closed in the middle of the response head.");
            }
        }
    }

    /// <summary>Receives more bytes after those buffered; false at the end of the stream.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        var received = await receive(_buffer.AsMemory(_end), cancellationToken);
        _end += received;
        return received > 0;
    }

    private static string Printable(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 200)]);

    private readonly record struct ResponseHead(int StatusCode, bool KeepAlive, bool Chunked, long? ContentLength);
}
