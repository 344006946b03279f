using static DurableLessons.HostileInput.Tests.Corpus.Inputs;

namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>POST /api/syllabi, GET /api/syllabi/{id} and the three POST actions on a syllabus.</summary>
internal static class SyllabusCases
{
    public const string Family = "/api/syllabi…";

    private const string Start = "/api/syllabi";

    /// <summary>Route values a syllabus id must refuse (Table-key-forbidden, traversal, injection, control, overlong).</summary>
    private static readonly (string Label, string Encoded)[] BadIds =
    [
        ("'#'", "abc%23def"),
        ("'\\'", "abc%5Cdef"),
        ("'/' percent-encoded", "abc%2Fdef"),
        ("'?'", "abc%3Fdef"),
        ("a control character", "abc%01def"),
        ("DEL", "abc%7Fdef"),
        ("a traversal", "..%2F..%2Fetc%2Fpasswd"),
        ("an OData filter", "%27%20or%20PartitionKey%20ne%20%27"),
        ("$filter", "%24filter%3DRowKey%20eq%20%27x%27"),
        ("a space", "abc%20def"),
        ("an emoji", "%F0%9F%98%80"),
        ("201 characters", new string('a', 201)),
    ];

    public static IReadOnlyList<HostileCase> Cases()
    {
        var list = new CaseList(Family);
        HostileRequest Body(string json) => Json("POST", Start, json);
        string Syllabus(string topic = "\"fractions\"", string level = "\"beginner\"", string extra = "") =>
            $"{{\"topic\":{topic},\"level\":{level}{extra}}}";

        list.Invalid("POST empty body", Body(""), "body")
            .Invalid("POST malformed", Body("{\"topic\":"), "topic")
            .Invalid("POST JSON array", Body("[{\"topic\":\"fractions\"}]"), "body")
            .Invalid("POST JSON null", Body("null"), "body")
            .Invalid("POST 10,000 nested arrays", Body(DeepArrays()), "body")
            .Invalid("POST 10,000 nested objects in goals", Body(Syllabus(extra: ",\"goals\":" + DeepObjects())), "goals")
            .Status("POST 70 KB body", Bytes("POST", Start, HugeJson(OverApiLimit)), 413)
            .Status("POST 200 KB chunked", Chunked("POST", Start, HugeJson(200 * 1024)), 413)
            .Status("POST text/plain", Json("POST", Start, Syllabus(), "text/plain"), 415)
            .Status("POST charset=utf-16", Bytes("POST", Start, Utf16(Syllabus()), "application/json; charset=utf-16"), 415)
            .Invalid("POST empty object", Body("{}"), "topic")
            .Invalid("POST topic a number", Body(Syllabus(topic: "3")), "topic")
            .Invalid("POST level an array", Body(Syllabus(level: "[\"beginner\"]")), "level")
            .Invalid("POST goals an object", Body(Syllabus(extra: ",\"goals\":{\"a\":1}")), "goals")
            .Invalid("POST language a number", Body(Syllabus(extra: ",\"language\":12")), "language")
            .Invalid("POST topic null", Body(Syllabus(topic: "null")), "topic")
            .Invalid("POST level null", Body(Syllabus(level: "null")), "level")
            .Invalid("POST topic blank", Body(Syllabus(topic: "\" \\n \"")), "topic")
            .Invalid("POST topic only zero-width joiners", Body(Syllabus(topic: Quoted("\\u200d\\u200d"))), "topic")
            .Invalid("POST topic a lone surrogate", Body(Syllabus(topic: Quoted("\\udbff"))), "topic")
            .Invalid("POST topic of 101 characters", Body(Syllabus(topic: Quoted(Repeat('t', 101)))), "topic")
            .Invalid("POST goals of 501 characters", Body(Syllabus(extra: $",\"goals\":\"{Repeat('g', 501)}\"")), "goals")
            .Invalid("POST goals with a lone surrogate", Body(Syllabus(extra: ",\"goals\":\"learn \\ud800 things\"")), "goals")
            .Invalid("POST level unknown", Body(Syllabus(level: "\"godlike\"")), "level")
            .Invalid("POST language with underscore", Body(Syllabus(extra: ",\"language\":\"pt_BR\"")), "language")
            .Invalid("POST language an injected filter", Body(Syllabus(extra: ",\"language\":\"en' or '1' eq '1\"")), "language")
            .Invalid("POST unknown fields beside a bad level", Body(Syllabus(level: "\"\"", extra: ",\"id\":\"../../x\",\"lessons\":[]")), "level");

        foreach (var (label, encoded) in BadIds)
        {
            list.Invalid($"GET id with {label}", Get($"{Start}/{encoded}"), "id")
                .Invalid($"generate-all on id with {label}", Send("POST", $"{Start}/{encoded}/generate"), "id")
                .Invalid($"lower-difficulty on id with {label}", Send("POST", $"{Start}/{encoded}/lower-difficulty"), "id");
        }

        list.Invalid("generate lesson on a bad id", Send("POST", $"{Start}/abc%23def/lessons/m1-l1/generate"), "id")
            .Status("generate lesson with a traversal lesson id on an unknown syllabus", Send("POST", $"{Start}/unknown/lessons/..%2F..%2Fx/generate"), 404)
            .Status("generate lesson with an injected lesson id on an unknown syllabus", Send("POST", $"{Start}/unknown/lessons/%27%20or%20%271%27%20eq%20%271/generate"), 404)
            .Status("GET an unknown id", Get($"{Start}/no-such-syllabus"), 404)
            .Status("GET an id of dots (normalized away)", Get($"{Start}/%2e%2e"), 404)
            .Status("generate-all on an unknown id", Send("POST", $"{Start}/no-such-syllabus/generate"), 404)
            .Status("lower-difficulty on an unknown id", Send("POST", $"{Start}/no-such-syllabus/lower-difficulty"), 404)
            .Status("GET /api/syllabi", Get(Start), 405)
            .Status("DELETE a syllabus", Send("DELETE", $"{Start}/abc"), 405)
            .Status("PUT a syllabus", Json("PUT", $"{Start}/abc", Syllabus()), 405)
            .Status("GET generate-all", Get($"{Start}/abc/generate"), 405)
            .Status("GET lower-difficulty", Get($"{Start}/abc/lower-difficulty"), 405);
        return list.Cases;
    }
}
