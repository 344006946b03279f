using static DurableLessons.HostileInput.Tests.Corpus.Inputs;

namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>/api/admin: bulk operations, retention and regenerations (system key required).</summary>
internal static class AdminCases
{
    public const string Family = "/api/admin/…";

    public static IReadOnlyList<HostileCase> Cases()
    {
        var list = new CaseList(Family);
        const string Regenerate = "/api/admin/regenerations";
        HostileRequest Regeneration(string json) => Json("POST", Regenerate, json);

        // Bulk operations.
        list.Invalid("bulk operation unknown", Send("POST", "/api/admin/runs/explode?dryRun=true"), "operation")
            .Invalid("bulk operation a traversal", Send("POST", "/api/admin/runs/..%2F..%2Fetc%2Fpasswd"), "operation")
            .Invalid("bulk operation an OData filter", Send("POST", "/api/admin/runs/%27%20or%201%20eq%201"), "operation")
            .Add("bulk operation with a NUL", Send("POST", "/api/admin/runs/purge%00"), Expected.ProtocolRejection(400, "Kestrel refuses a NUL in the decoded path before routing"))
            .Invalid("bulk terminate with an unknown status", Send("POST", "/api/admin/runs/terminate?status=Bogus"), "status")
            .Invalid("bulk purge with an injected status", Send("POST", "/api/admin/runs/purge?status=Failed%27%20or%20%271%27%20eq%20%271"), "status")
            .Invalid("bulk rewind with a word for createdFrom", Send("POST", "/api/admin/runs/rewind?createdFrom=last-week"), "createdFrom")
            .Invalid("bulk purge with createdTo before createdFrom", Send("POST", "/api/admin/runs/purge?createdFrom=2026-06-01T00:00:00Z&createdTo=2020-01-01T00:00:00Z"), "createdTo")
            .Invalid("bulk terminate with dryRun=maybe", Send("POST", "/api/admin/runs/terminate?dryRun=maybe"), "dryRun")
            .Invalid("bulk purge with dryRun=1", Send("POST", "/api/admin/runs/purge?dryRun=1"), "dryRun")
            .Invalid("bulk purge with a half lesson key", Send("POST", "/api/admin/runs/purge?subject=math&level=beginner"), "topic")
            .Status("bulk purge without the system key", Anonymous("POST", "/api/admin/runs/purge?status=Failed"), 401)
            .Status("bulk purge with a wrong key", Send("POST", "/api/admin/runs/purge?status=Failed", ("x-functions-key", "wrong")), 401)
            .Status("bulk purge with an injected key in code", Anonymous("POST", "/api/admin/runs/purge?status=Failed&code=%27%20or%20%271%27%20eq%20%271"), 401)
            .Status("bulk purge with a 20 KB key", Send("POST", "/api/admin/runs/purge?status=Failed", ("x-functions-key", Repeat('k', 20_000))), 401)
            .Status("bulk purge with an empty key header", Send("POST", "/api/admin/runs/purge?status=Failed", ("x-functions-key", "")), 401)
            .Status("GET a bulk operation", Get("/api/admin/runs/purge"), 405);

        // Retention.
        list.Invalid("retention without olderThan", Send("DELETE", "/api/admin/runs"), "olderThan")
            .Invalid("retention olderThan a word", Send("DELETE", "/api/admin/runs?olderThan=forever"), "olderThan")
            .Invalid("retention olderThan negative", Send("DELETE", "/api/admin/runs?olderThan=-1d"), "olderThan")
            .Invalid("retention olderThan negative ISO", Send("DELETE", "/api/admin/runs?olderThan=-P1D"), "olderThan")
            .Invalid("retention olderThan a bare P", Send("DELETE", "/api/admin/runs?olderThan=P"), "olderThan")
            .Invalid("retention olderThan infinite days", Send("DELETE", "/api/admin/runs?olderThan=1e400d"), "olderThan")
            .Invalid("retention olderThan NaN days", Send("DELETE", "/api/admin/runs?olderThan=NaNd"), "olderThan")
            .Invalid("retention olderThan past TimeSpan's range", Send("DELETE", "/api/admin/runs?olderThan=99999999999d"), "olderThan")
            .Invalid("retention olderThan before year 1", Send("DELETE", "/api/admin/runs?olderThan=3000000d"), "olderThan")
            .Invalid("retention olderThan TimeSpan.MaxValue", Send("DELETE", "/api/admin/runs?olderThan=10675199.02:48:05.4775807"), "olderThan")
            .Invalid("retention olderThan ISO with years beyond range", Send("DELETE", "/api/admin/runs?olderThan=P99999Y"), "olderThan")
            .Invalid("retention olderThan past the 3650-day limit", Send("DELETE", "/api/admin/runs?olderThan=3651d"), "olderThan")
            .Invalid("retention olderThan an OData filter", Send("DELETE", "/api/admin/runs?olderThan=1d%27%20or%20%271%27%20eq%20%271"), "olderThan")
            .Status("retention without the system key", Anonymous("DELETE", "/api/admin/runs?olderThan=7d"), 401)
            .Status("GET /api/admin/runs", Get("/api/admin/runs"), 405);

        // Regenerations.
        list.Invalid("regeneration malformed", Regeneration("{\"lessons\":["), "lessons")
            .Invalid("regeneration JSON null", Regeneration("null"), "body")
            .Invalid("regeneration lessons a string", Regeneration("{\"lessons\":\"all\"}"), "lessons")
            .Invalid("regeneration lesson null", Regeneration("{\"lessons\":[null]}"), "lessons[0]")
            .Invalid("regeneration lesson without level", Regeneration("{\"lessons\":[{\"subject\":\"math\",\"topic\":\"fractions\"}]}"), "lessons[0]")
            .Invalid("regeneration lesson with an empty subject", Regeneration("{\"lessons\":[{\"subject\":\"\",\"topic\":\"fractions\",\"level\":\"beginner\"}]}"), "lessons[0]")
            .Invalid("regeneration lesson with a control-character subject", Regeneration("{\"lessons\":[{\"subject\":\"\\u0000\",\"topic\":\"fractions\",\"level\":\"beginner\"}]}"), "lessons[0]")
            .Invalid("regeneration lesson with a 10,000-character topic", Regeneration($"{{\"lessons\":[{{\"subject\":\"math\",\"topic\":\"{Repeat('t', 10_000)}\",\"level\":\"beginner\"}}]}}"), "lessons[0]")
            .Invalid("regeneration second lesson with an unknown level", Regeneration("{\"lessons\":[{\"subject\":\"math\",\"topic\":\"fractions\",\"level\":\"beginner\"},{\"subject\":\"math\",\"topic\":\"x\",\"level\":\"ultra\"}]}"), "lessons[1]")
            .Invalid("regeneration 10,000 nested arrays", Regeneration(DeepArrays()), "body")
            .Status("regeneration 70 KB body", Bytes("POST", Regenerate, HugeJson(OverApiLimit)), 413)
            .Status("regeneration 100 KB chunked", Chunked("POST", Regenerate, HugeJson(100 * 1024)), 413)
            .Status("regeneration text/plain", Json("POST", Regenerate, "{\"lessons\":[]}", "text/plain"), 415)
            .Status("regeneration without the system key", Anonymous("POST", Regenerate), 401)
            .Status("GET regenerations", Get(Regenerate), 405);
        return list.Cases;
    }
}
