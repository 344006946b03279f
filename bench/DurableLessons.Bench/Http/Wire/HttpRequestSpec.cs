using System.Text;

namespace DurableLessons.Bench.Http.Wire;

/// <summary>
/// One request of a load run: method, path (with query) and an optional body. <see cref="Encode"/> builds the
/// HTTP/1.1 bytes once, with the headers a keep-alive client needs and nothing more.
/// </summary>
internal sealed record HttpRequestSpec(string Method, string PathAndQuery, ReadOnlyMemory<byte> Body = default, string? ContentType = null)
{
    public static HttpRequestSpec Get(string pathAndQuery) => new("GET", pathAndQuery);

    public static HttpRequestSpec PostJson(string pathAndQuery, string json) => new("POST", pathAndQuery, Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8");

    /// <param name="hostHeader">The value of the Host header, e.g. <c>127.0.0.1:5000</c>.</param>
    public byte[] Encode(string hostHeader)
    {
        var head = new StringBuilder(128)
            .Append(Method).Append(' ').Append(PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(hostHeader).Append("\r\n");
        if (ContentType is not null)
        {
            head.Append("Content-Type: ").Append(ContentType).Append("\r\n");
        }

        if (!Body.IsEmpty || Method is not ("GET" or "HEAD" or "DELETE"))
        {
            head.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        var headLength = Encoding.ASCII.GetByteCount(head.ToString());
        var bytes = new byte[headLength + Body.Length];
        Encoding.ASCII.GetBytes(head.ToString(), bytes);
        Body.Span.CopyTo(bytes.AsSpan(headLength));
        return bytes;
    }

    public override string ToString() => $"{Method} {PathAndQuery}";
}
