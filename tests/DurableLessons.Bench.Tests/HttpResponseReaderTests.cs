using System.Text;
using DurableLessons.Bench.Http.Wire;

namespace DurableLessons.Bench.Tests;

public sealed class HttpResponseReaderTests
{
    private const string FixedLength =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\nDate: Sun, 22 Nov 2026 00:00:00 GMT\r\n\r\n{\"status\":42}";

    private const string Chunked =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ntransfer-encoding: chunked\r\n\r\n" +
        "7\r\n{\"name\"\r\n" +
        "a;ext=1;other=\"x\"\r\n:\"BenchFan\r\n" +
        "1C \r\nOut\",\"runtimeStatus\":\"Done\"}\r\n" +
        "0\r\nX-Trailer: yes\r\n\r\n";

    private const string ChunkedBody = "{\"name\":\"BenchFanOut\",\"runtimeStatus\":\"Done\"}";

    [Fact]
    public async Task Reads_a_fixed_length_body_and_keeps_the_connection_alive()
    {
        var response = await ReadOneAsync(ScriptedStream.Whole(FixedLength));

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.KeepAlive);
        Assert.Equal("{\"status\":42}", BodyText(response));
    }

    [Fact]
    public async Task Joins_every_chunk_skipping_extensions_and_trailers()
    {
        var response = await ReadOneAsync(ScriptedStream.Whole(Chunked));

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.KeepAlive);
        Assert.Equal(ChunkedBody, BodyText(response));
    }

    [Theory]
    [InlineData(FixedLength, "{\"status\":42}")]
    [InlineData(Chunked, ChunkedBody)]
    public async Task Gives_the_same_answer_when_the_bytes_arrive_one_at_a_time(string wire, string expectedBody)
    {
        var response = await ReadOneAsync(ScriptedStream.OneBytePerRead(wire));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(expectedBody, BodyText(response));
    }

    [Theory]
    [InlineData(5)] // inside the status line
    [InlineData(16)] // between the status line's CR and LF
    [InlineData(96)] // inside the first chunk-size line's CRLF
    [InlineData(110)] // inside a chunk extension
    [InlineData(178)] // inside the trailer
    public async Task Gives_the_same_answer_when_a_read_ends_anywhere(int split)
    {
        var response = await ReadOneAsync(ScriptedStream.SplitAt(Chunked, split));

        Assert.Equal(ChunkedBody, BodyText(response));
    }

    [Fact]
    public async Task Reads_back_to_back_responses_that_arrived_in_one_read()
    {
        var reader = new HttpResponseReader(ScriptedStream.Whole(Chunked + FixedLength + Chunked).ReceiveAsync);

        Assert.Equal(ChunkedBody, BodyText(await reader.ReadAsync(CancellationToken.None)));
        Assert.Equal("{\"status\":42}", BodyText(await reader.ReadAsync(CancellationToken.None)));
        Assert.Equal(ChunkedBody, BodyText(await reader.ReadAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Reports_connection_close_so_the_client_reconnects()
    {
        var response = await ReadOneAsync(ScriptedStream.Whole(
            "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy"));

        Assert.Equal(503, response.StatusCode);
        Assert.False(response.KeepAlive);
        Assert.Equal("busy", BodyText(response));
    }

    [Fact]
    public async Task Reads_a_body_without_length_up_to_the_end_of_the_stream()
    {
        var response = await ReadOneAsync(ScriptedStream.SplitAt("HTTP/1.0 200 OK\r\nServer: old\r\n\r\nuntil the end", 35));

        Assert.False(response.KeepAlive);
        Assert.Equal("until the end", BodyText(response));
    }

    [Fact]
    public async Task Keeps_an_http_1_0_connection_only_when_the_server_says_keep_alive()
    {
        var response = await ReadOneAsync(ScriptedStream.Whole("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok"));

        Assert.True(response.KeepAlive);
        Assert.Equal("ok", BodyText(response));
    }

    [Fact]
    public async Task Skips_an_interim_response_and_reads_no_body_after_204()
    {
        var reader = new HttpResponseReader(ScriptedStream.Whole(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nServer: Kestrel\r\n\r\n" + FixedLength).ReceiveAsync);

        var noContent = await reader.ReadAsync(CancellationToken.None);
        var next = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(204, noContent.StatusCode);
        Assert.Equal(0, noContent.Body.Length);
        Assert.Equal(200, next.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Le")]
    public async Task Fails_when_the_stream_ends_before_the_response_does(string wire)
    {
        await Assert.ThrowsAsync<EndOfStreamException>(() => ReadOneAsync(ScriptedStream.Whole(wire)));
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\nContent-Length: 0\n\n")]
    public async Task Rejects_bytes_that_are_not_an_http_response(string wire)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadOneAsync(ScriptedStream.Whole(wire)));
    }

    private static async Task<HttpResponse> ReadOneAsync(ScriptedStream stream) =>
        await new HttpResponseReader(stream.ReceiveAsync).ReadAsync(CancellationToken.None);

    private static string BodyText(HttpResponse response) => Encoding.UTF8.GetString(response.Body.Span);
}
