using System.Text;

namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>Building blocks of the corpus: hostile bodies, strings and request shapes.</summary>
internal static class Inputs
{
    public const string WebhookBase = "/runtime/webhooks/durabletask";

    /// <summary>A body over /api's 64 KB limit.</summary>
    public const int OverApiLimit = 70 * 1024;

    /// <summary>A body over the webhooks' 1 MB limit.</summary>
    public const int OverWebhookLimit = (1024 * 1024) + 1024;

    public static HostileRequest Json(string method, string path, string json, string? contentType = "application/json") =>
        new(method, path, Encoding.UTF8.GetBytes(json), contentType);

    public static HostileRequest Bytes(string method, string path, byte[] body, string? contentType = "application/json") =>
        new(method, path, body, contentType);

    public static HostileRequest Chunked(string method, string path, byte[] body) =>
        new(method, path, body, "application/json", Chunked: true);

    public static HostileRequest Send(string method, string path, params (string Name, string Value)[] headers) =>
        new(method, path, null, null, Headers: headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList());

    public static HostileRequest Get(string path, params (string Name, string Value)[] headers) => Send("GET", path, headers);

    public static HostileRequest Anonymous(string method, string path) => new(method, path, null, null, WithoutSystemKey: true);

    public static HostileRequest Raw(string requestLine, IEnumerable<string> headers, string body = "") =>
        new("RAW", requestLine, Raw: Infrastructure.RawHttp.Request(requestLine, headers, body));

    /// <summary>10,000 nested arrays: far past any sane depth limit.</summary>
    public static string DeepArrays(int depth = 10_000) => new string('[', depth) + new string(']', depth);

    public static string DeepObjects(int depth = 10_000)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append("{\"a\":");
        }

        builder.Append('1').Append('}', depth);
        return builder.ToString();
    }

    /// <summary>A syntactically valid JSON document of the given size (one long string).</summary>
    public static byte[] HugeJson(int bytes) => Encoding.UTF8.GetBytes("{\"subject\":\"" + new string('x', bytes) + "\"}");

    public static string Repeat(char c, int count) => new(c, count);

    /// <summary>JSON text of a string value, escaped as written (so "\ud800" stays a lone-surrogate escape).</summary>
    public static string Quoted(string jsonEscapedContent) => "\"" + jsonEscapedContent + "\"";

    public static byte[] Utf16(string text) => Encoding.Unicode.GetBytes(text);

    public static byte[] WithUtf8Bom(string json) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];

    /// <summary>Valid JSON framing around bytes that are not UTF-8.</summary>
    public static byte[] InvalidUtf8Subject() =>
        [.. "{\"subject\":\""u8, 0xFF, 0xFE, 0xC3, 0x28, .. "\",\"topic\":\"t\",\"level\":\"beginner\"}"u8];

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
