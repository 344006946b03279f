using static DurableLessons.HostileInput.Tests.Corpus.Inputs;

namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>POST /api/lessons and the three GET routes of stored lessons.</summary>
internal static class LessonCases
{
    public const string StartFamily = "POST /api/lessons";
    public const string ReadFamily = "GET /api/lessons/…";

    private const string Start = "/api/lessons";

    public static IReadOnlyList<HostileCase> StartCases()
    {
        var list = new CaseList(StartFamily);
        HostileRequest Body(string json) => Json("POST", Start, json);
        string Lesson(string subject = "\"math\"", string topic = "\"fractions\"", string level = "\"beginner\"", string extra = "") =>
            $"{{\"subject\":{subject},\"topic\":{topic},\"level\":{level}{extra}}}";

        // Not JSON, or not a JSON object.
        list.Invalid("empty body", Body(""), "body")
            .Invalid("whitespace body", Body("   \r\n\t "), "body")
            .Invalid("lone opening brace", Body("{"), "body")
            .Invalid("truncated object", Body("{\"subject\":\"math\",\"topic\":\"fr"), "topic")
            .Invalid("missing closing brace", Body("{\"subject\":\"math\",\"topic\":\"fractions\",\"level\":\"beginner\""), "body")
            .Invalid("plain words", Body("make me a lesson"), "body")
            .Invalid("JSON null", Body("null"), "body")
            .Invalid("JSON array", Body("[]"), "body")
            .Invalid("JSON string", Body("\"math\""), "body")
            .Invalid("JSON number", Body("42"), "body")
            .Invalid("JSON true", Body("true"), "body")
            .Invalid("comments", Body("{/* hi */\"subject\":\"math\",\"topic\":\"fractions\",\"level\":\"beginner\"}"), "body")
            .Invalid("trailing comma", Body("{\"subject\":\"math\",\"topic\":\"fractions\",\"level\":\"beginner\",}"), "body")
            .Invalid("single quotes", Body("{'subject':'math','topic':'fractions','level':'beginner'}"), "body")
            .Invalid("NaN literal", Body(Lesson(extra: ",\"userId\":NaN")), "userId")
            .Invalid("10,000 nested arrays as the body", Body(DeepArrays()), "body")
            .Invalid("10,000 nested arrays in subject", Body(Lesson(subject: DeepArrays())), "subject")
            .Invalid("10,000 nested objects in an unknown field", Body(Lesson(extra: ",\"x\":" + DeepObjects())), "x")
            .Invalid("invalid UTF-8 bytes in subject", Bytes("POST", Start, InvalidUtf8Subject()), "subject")
            .Invalid("a NUL inside the topic", Body(Lesson(topic: "\"ver\\u0000bs\"")), "topic")
            .Invalid("a BEL after the subject", Body(Lesson(subject: "\"english\\u0007\"")), "subject")
            .Invalid("an escape sequence in the topic", Body(Lesson(topic: "\"\\u001b[31mred\"")), "topic");

        // Too big.
        list.Status("70 KB body with Content-Length", Bytes("POST", Start, HugeJson(OverApiLimit)), 413)
            .Status("70 KB body chunked, no Content-Length", Chunked("POST", Start, HugeJson(OverApiLimit)), 413)
            .Status("2 MB body chunked, no Content-Length", Chunked("POST", Start, HugeJson(2 * 1024 * 1024)), 413)
            .Status("70 KB of nesting chunked", Chunked("POST", Start, System.Text.Encoding.UTF8.GetBytes(DeepArrays(40_000))), 413);

        // Wrong types and nulls.
        list.Invalid("subject is a number", Body(Lesson(subject: "5")), "subject")
            .Invalid("subject is an object", Body(Lesson(subject: "{\"$ne\":null}")), "subject")
            .Invalid("topic is an array", Body(Lesson(topic: "[\"a\",\"b\"]")), "topic")
            .Invalid("level is a number", Body(Lesson(level: "1")), "level")
            .Invalid("level is an object", Body(Lesson(level: "{}")), "level")
            .Invalid("level is a boolean", Body(Lesson(level: "true")), "level")
            .Invalid("sources is a string", Body(Lesson(extra: ",\"sources\":\"local\"")), "sources")
            .Invalid("sources holds a number", Body(Lesson(extra: ",\"sources\":[1]")), "sources")
            .Invalid("userId is a number", Body(Lesson(extra: ",\"userId\":7")), "userId")
            .Invalid("userId is 1e999", Body(Lesson(extra: ",\"userId\":1e999")), "userId")
            .Invalid("language is false", Body(Lesson(extra: ",\"language\":false")), "language")
            .Invalid("subject null", Body(Lesson(subject: "null")), "subject")
            .Invalid("topic null", Body(Lesson(topic: "null")), "topic")
            .Invalid("level null", Body(Lesson(level: "null")), "level")
            .Invalid("empty object", Body("{}"), "subject")
            .Invalid("only unknown fields", Body("{\"subjectt\":\"math\",\"Topic \":\"x\"}"), "subject")
            .Invalid("unknown fields beside an empty topic", Body(Lesson(topic: "\"\"", extra: ",\"isAdmin\":true,\"$where\":\"1==1\"")), "topic")
            .Invalid("duplicate key, the last one empty", Body("{\"subject\":\"math\",\"subject\":\"\",\"topic\":\"x\",\"level\":\"beginner\"}"), "subject");

        // Empty, blank, invisible and overlong text.
        list.Invalid("subject empty", Body(Lesson(subject: "\"\"")), "subject")
            .Invalid("topic whitespace", Body(Lesson(topic: "\"   \\t  \"")), "topic")
            .Invalid("level empty", Body(Lesson(level: "\"\"")), "level")
            .Invalid("subject only no-break and em spaces", Body(Lesson(subject: Quoted("\\u00a0\\u2003"))), "subject")
            .Invalid("subject only control characters", Body(Lesson(subject: Quoted("\\u0000\\u001f\\u007f"))), "subject")
            .Invalid("topic only zero-width characters", Body(Lesson(topic: Quoted("\\u200b\\u200d\\u2060"))), "topic")
            .Invalid("topic only a right-to-left override", Body(Lesson(topic: Quoted("\\u202e"))), "topic")
            .Invalid("subject only a BOM character", Body(Lesson(subject: Quoted("\\ufeff"))), "subject")
            .Invalid("subject a lone high surrogate", Body(Lesson(subject: Quoted("\\ud800"))), "subject")
            .Invalid("topic a lone low surrogate after text", Body(Lesson(topic: Quoted("fractions\\udc00"))), "topic")
            .Invalid("topic surrogates in the wrong order", Body(Lesson(topic: Quoted("\\ude00\\ud83d"))), "topic")
            .Invalid("subject of 101 characters", Body(Lesson(subject: Quoted(Repeat('s', 101)))), "subject")
            .Invalid("topic of 10,000 characters", Body(Lesson(topic: Quoted(Repeat('t', 10_000)))), "topic")
            .Invalid("topic of 60 emoji (120 UTF-16 units)", Body(Lesson(topic: Quoted(string.Concat(Enumerable.Repeat("😀", 60))))), "topic")
            .Invalid("userId of 101 characters", Body(Lesson(extra: $",\"userId\":\"{Repeat('u', 101)}\"")), "userId")
            .Invalid("level unknown", Body(Lesson(level: "\"grandmaster\"")), "level")
            .Invalid("level with an injected filter", Body(Lesson(level: "\"beginner' or PartitionKey ne '\"")), "level")
            .Invalid("level with a NUL", Body(Lesson(level: Quoted("beginner\\u0000"))), "level")
            .Invalid("language a word", Body(Lesson(extra: ",\"language\":\"english\"")), "language")
            .Invalid("language a path", Body(Lesson(extra: ",\"language\":\"../../etc/passwd\"")), "language")
            .Invalid("language with a NUL", Body(Lesson(extra: ",\"language\":\"en\\u0000\"")), "language")
            .Invalid("sources names a disabled source", Body(Lesson(extra: ",\"sources\":[\"wikipedia\"]")), "sources[0]")
            .Invalid("sources names a path", Body(Lesson(extra: ",\"sources\":[\"local\",\"../../etc/passwd\"]")), "sources[1]")
            .Invalid("sources holds null", Body(Lesson(extra: ",\"sources\":[null]")), "sources[0]");

        // Content types and encodings.
        list.Status("text/plain", Json("POST", Start, Lesson(), "text/plain"), 415)
            .Status("application/xml", Json("POST", Start, "<lesson><subject>math</subject></lesson>", "application/xml"), 415)
            .Status("multipart/form-data", Json("POST", Start, "--x\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nmath\r\n--x--\r\n", "multipart/form-data; boundary=x"), 415)
            .Status("two media types in one header", Json("POST", Start, Lesson(), "application/json, text/plain"), 415)
            .Status("garbage content type", Json("POST", Start, Lesson(), ";;;"), 415)
            .Status("charset=utf-16 with UTF-16 bytes", Bytes("POST", Start, Utf16(Lesson()), "application/json; charset=utf-16"), 415)
            .Status("charset=latin1", Json("POST", Start, Lesson(), "application/json; charset=iso-8859-1"), 415)
            .Invalid("no content type, malformed body", Json("POST", Start, "{subject:math}", null), "body")
            .Invalid("form-urlencoded, not JSON", Json("POST", Start, "subject=math&topic=fractions&level=beginner", "application/x-www-form-urlencoded"), "body")
            .Invalid("UTF-8 BOM before an invalid lesson", Bytes("POST", Start, WithUtf8Bom(Lesson(subject: "\"\""))), "subject")
            .Invalid("Accept: application/xml on an invalid lesson",
                Json("POST", Start, Lesson(level: "\"nope\"")) with { Headers = [KeyValuePair.Create("Accept", "application/xml")] }, "level");

        // Methods the route does not have.
        list.Status("GET /api/lessons", Get(Start), 405)
            .Status("PUT /api/lessons", Json("PUT", Start, Lesson()), 405)
            .Status("DELETE /api/lessons", Send("DELETE", Start), 405)
            .Status("PATCH /api/lessons", Json("PATCH", Start, Lesson()), 405)
            .Status("OPTIONS /api/lessons", Send("OPTIONS", Start), 405);
        return list.Cases;
    }

    public static IReadOnlyList<HostileCase> ReadCases()
    {
        var list = new CaseList(ReadFamily);
        const string Level = "?level=beginner";
        list.Invalid("latest without level", Get("/api/lessons/math/fractions"), "level")
            .Invalid("latest with an unknown level", Get("/api/lessons/math/fractions?level=wizard"), "level")
            .Invalid("latest with an injected level", Get("/api/lessons/math/fractions?level=beginner%27%20or%20PartitionKey%20ne%20%27"), "level")
            .Invalid("latest with level given twice", Get("/api/lessons/math/fractions?level=beginner&level=expert"), "level")
            .Invalid("subject only a control character", Get("/api/lessons/%01/fractions" + Level), "subject")
            .Invalid("subject only spaces", Get("/api/lessons/%20%20/fractions" + Level), "subject")
            .Invalid("subject only a right-to-left override", Get("/api/lessons/%E2%80%AE/fractions" + Level), "subject")
            .Status("topic invalid UTF-8 escapes, kept as literal text", Get("/api/lessons/math/%ED%A0%80" + Level), 404)
            .Invalid("subject of 101 characters", Get($"/api/lessons/{Repeat('s', 101)}/fractions" + Level), "subject")
            .Invalid("topic of 2,000 characters", Get($"/api/lessons/math/{Repeat('t', 2000)}" + Level), "topic")
            .Status("subject path traversal with %2F", Get("/api/lessons/..%2F..%2Fetc%2Fpasswd/fractions" + Level), 404)
            .Status("subject path traversal with backslashes", Get("/api/lessons/..%5C..%5Cwindows%5Cwin.ini/fractions" + Level), 404)
            .Status("subject dot-dot percent-encoded (normalized away)", Get("/api/lessons/%2e%2e/%2e%2e/admin/runs" + Level), 404)
            .Status("subject with '#'", Get("/api/lessons/c%23/fractions" + Level), 404)
            .Status("subject with '?'", Get("/api/lessons/why%3F/fractions" + Level), 404)
            .Status("subject with '/' percent-encoded", Get("/api/lessons/c%2Fc%2B%2B/fractions" + Level), 404)
            .Status("subject with an OData filter", Get("/api/lessons/%27%20or%20PartitionKey%20ne%20%27/x" + Level), 404)
            .Status("topic with $filter", Get("/api/lessons/math/%24filter%3DPartitionKey%20eq%20%27x%27" + Level), 404)
            .Status("topic with a tab inside", Get("/api/lessons/math/frac%09tions" + Level), 404)
            .Status("versions of a traversal subject", Get("/api/lessons/..%2F..%2F/x/versions" + Level), 404)
            .Invalid("versions without level", Get("/api/lessons/math/fractions/versions"), "level")
            .Invalid("versions with an empty subject", Get("/api/lessons/%20/fractions/versions" + Level), "subject")
            .Invalid("version not a number", Get("/api/lessons/math/fractions/versions/latest" + Level), "version")
            .Invalid("version with three parts", Get("/api/lessons/math/fractions/versions/1.0.0" + Level), "version")
            .Invalid("version negative", Get("/api/lessons/math/fractions/versions/-1.0" + Level), "version")
            .Invalid("version too long", Get("/api/lessons/math/fractions/versions/99999999.1" + Level), "version")
            .Invalid("version with an encoded slash", Get("/api/lessons/math/fractions/versions/1%2F0" + Level), "version")
            .Invalid("version with an injected filter", Get("/api/lessons/math/fractions/versions/1.0%27%20or%20%271%27%20eq%20%271" + Level), "version")
            .Status("version that does not exist", Get("/api/lessons/math/fractions/versions/1.0" + Level), 404)
            .Status("POST to a lesson", Send("POST", "/api/lessons/math/fractions" + Level), 405)
            .Status("DELETE a lesson", Send("DELETE", "/api/lessons/math/fractions" + Level), 405)
            .Status("PUT a version", Send("PUT", "/api/lessons/math/fractions/versions/1.0" + Level), 405);
        return list.Cases;
    }
}
