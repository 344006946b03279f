using DurableLessons.HostileInput.Tests.Infrastructure;
using static DurableLessons.HostileInput.Tests.Corpus.Inputs;

namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>
/// Header and framing abuse across routes: contradictory lengths, broken chunks, control bytes in headers, absurd
/// Accept values, unknown paths. Some are rejected by Kestrel while it parses the request, before the application
/// sees it: those answers are bare 4xx by necessity and are marked as such.
/// </summary>
internal static class ProtocolCases
{
    public const string Family = "headers and framing";

    private const string ParsedByKestrel = "Kestrel rejects the request while parsing it, before any middleware runs";

    public static IReadOnlyList<HostileCase> Cases()
    {
        var list = new CaseList(Family);
        var key = $"x-functions-key: {HostileHost.SystemKey}";

        // Framing HttpClient will not produce.
        list.Add("two equal Content-Length headers", Raw("POST /api/lessons HTTP/1.1", ["Content-Type: application/json", "Content-Length: 2", "Content-Length: 2"], "{}"),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("two different Content-Length headers", Raw("POST /api/lessons HTTP/1.1", ["Content-Type: application/json", "Content-Length: 2", "Content-Length: 70000"], "{}"),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("Content-Length not a number", Raw("POST /api/lessons HTTP/1.1", ["Content-Type: application/json", "Content-Length: lots"], "{}"),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("negative Content-Length", Raw("POST /api/syllabi HTTP/1.1", ["Content-Type: application/json", "Content-Length: -5"], "{}"),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("Content-Length past the limit, body never sent", Raw("POST /api/lessons HTTP/1.1", ["Content-Type: application/json", "Content-Length: 99999999999"]),
                Expected.Problem(413))
            .Add("chunked body with a non-hex chunk size", Raw("POST /api/lessons HTTP/1.1", ["Content-Type: application/json", "Transfer-Encoding: chunked"], "zz\r\n{}\r\n0\r\n\r\n"),
                Expected.Problem(400))
            .Add("chunked body with a non-hex chunk size, Accept: application/xml", Raw("POST /api/syllabi HTTP/1.1", ["Content-Type: application/json", "Accept: application/xml", "Transfer-Encoding: chunked"], "zz\r\n{}\r\n0\r\n\r\n"),
                Expected.Problem(400))
            .Add("chunked webhook body with a broken chunk", Raw($"POST {WebhookBase}/orchestrators/LessonGeneration HTTP/1.1", [key, "Content-Type: application/json", "Transfer-Encoding: chunked"], "5\r\n{}\r\n0\r\n\r\n"),
                Expected.Problem(400))
            .Add("unknown transfer coding", Raw("POST /api/lessons HTTP/1.1", ["Content-Type: application/json", "Transfer-Encoding: gzip"], "{}"),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("control byte in an unknown header's value", Raw("GET /api/runs?pageSize=1 HTTP/1.1", ["X-Evil: a\u0001b"]),
                Expected.Success(200, "Kestrel accepts control bytes other than NUL, CR and LF in header values, and nothing reads this header", body => body.Contains("\"runs\"", StringComparison.Ordinal)))
            .Add("NUL byte in a header value", Raw("GET /api/runs HTTP/1.1", ["X-Evil: a\u0000b"]),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("obsolete line folding", Raw("GET /api/runs HTTP/1.1", ["X-Evil: a", " folded"]),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("space in a header name", Raw("GET /api/runs HTTP/1.1", ["X Evil: a"]),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("header without a colon", Raw("GET /api/runs HTTP/1.1", ["NoColonHere"]),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("40 KB of headers", Raw("GET /api/runs HTTP/1.1", [$"X-Big: {Repeat('h', 40_000)}"]),
                Expected.ProtocolRejection(431, ParsedByKestrel))
            .Add("10 KB request line", Raw($"GET /api/syllabi/{Repeat('a', 10_000)} HTTP/1.1", []),
                Expected.ProtocolRejection(414, ParsedByKestrel))
            .Add("space inside the path", Raw("GET /api/syllabi/a b HTTP/1.1", []),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("raw NUL in the path", Raw("GET /api/syllabi/a\u0000b HTTP/1.1", []),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("percent-encoded NUL in the path", Raw("GET /api/syllabi/a%00b HTTP/1.1", []),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("raw non-ASCII bytes in the path", Raw("GET /api/syllabi/\u00ff\u00fe HTTP/1.1", []),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("invalid percent escape in the path", Raw("GET /api/syllabi/%zz HTTP/1.1", []),
                Expected.Problem(400, "id"))
            .Add("backslashes as path separators", Raw("GET \\api\\runs HTTP/1.1", []),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("no Host header", Raw("GET /api/runs HTTP/1.1", []) with { Raw = System.Text.Encoding.ASCII.GetBytes("GET /api/runs HTTP/1.1\r\nConnection: close\r\n\r\n") },
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("two Host headers", Raw("GET /api/runs HTTP/1.1", ["Host: evil.example"]),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("method with a space", Raw("GE T /api/runs HTTP/1.1", []),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("asterisk-form request target", Raw("GET * HTTP/1.1", []),
                Expected.ProtocolRejection(405, "Kestrel answers '*' itself: only OPTIONS may use it"))
            .Add("absolute-form target naming another host", Raw("GET http://evil.example/api/syllabi/x HTTP/1.1", []),
                Expected.ProtocolRejection(400, ParsedByKestrel))
            .Add("Content-Length and chunked together: chunked wins", Raw("POST /api/lessons HTTP/1.1", ["Content-Type: application/json", "Content-Length: 5", "Transfer-Encoding: chunked"], "2\r\n{}\r\n0\r\n\r\n"),
                Expected.Problem(400, "subject"));

        // Contradictory or absurd headers the application does see.
        list.Add("Accept: application/xml on a wrong method", Send("PUT", "/api/lessons", ("Accept", "application/xml")), Expected.Problem(405))
            .Add("Accept: application/xml on an unknown path", Get("/api/nothing-here", ("Accept", "application/xml")), Expected.Problem(404))
            .Add("Accept: text/html on an unknown path", Get("/no/such/page.php", ("Accept", "text/html")), Expected.Problem(404))
            .Add("Accept: application/xml on a webhook 413", new HostileRequest("POST", $"{WebhookBase}/orchestrators/LessonGeneration", HugeJson(OverWebhookLimit),
                Headers: [KeyValuePair.Create("Accept", "application/xml")]), Expected.Problem(413))
            .Add("Accept: application/xml on an admin 401", Anonymous("DELETE", "/api/admin/runs?olderThan=1d") with { Headers = [KeyValuePair.Create("Accept", "application/xml")] }, Expected.Problem(401))
            .Add("Accept: */*;q=0 on a 400", Json("POST", "/api/lessons", "{}") with { Headers = [KeyValuePair.Create("Accept", "*/*;q=0")] }, Expected.Problem(400, "subject"))
            .Add("Accept: a 2 KB garbage value", Get("/api/syllabi/%23", ("Accept", Repeat(';', 2000))), Expected.Problem(400, "id"))
            .Add("Content-Encoding: gzip on plain text", Json("POST", "/api/lessons", "{\"subject\":") with { Headers = [KeyValuePair.Create("Content-Encoding", "gzip")] }, Expected.Problem(400, "subject"))
            .Add("X-HTTP-Method-Override: DELETE is ignored", Json("POST", "/api/lessons", "{}") with { Headers = [KeyValuePair.Create("X-HTTP-Method-Override", "DELETE")] }, Expected.Problem(400, "subject"))
            .Add("Expect: 100-continue with an oversized Content-Length", Bytes("POST", "/api/lessons", HugeJson(OverApiLimit)) with { Headers = [KeyValuePair.Create("Expect", "100-continue")] }, Expected.Problem(413))
            .Add("OPTIONS on a webhook", Send("OPTIONS", $"{WebhookBase}/instances"), Expected.Problem(404))
            .Add("TRACE on the syllabi", Send("TRACE", "/api/syllabi"), Expected.Problem(405))
            .Add("unknown /api path", Get("/api/../../etc/passwd"), Expected.Problem(404))
            .Add("unknown path with a Table-forbidden character", Get("/api/lesson%23s"), Expected.Problem(404));
        return list.Cases;
    }
}
