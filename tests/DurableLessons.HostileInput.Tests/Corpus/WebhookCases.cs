using System.Text.Json;
using DurableLessons.HostileInput.Tests.Infrastructure;
using static DurableLessons.HostileInput.Tests.Corpus.Inputs;

namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>Every management webhook under /runtime/webhooks/durabletask.</summary>
internal static class WebhookCases
{
    public const string Family = "/runtime/webhooks/durabletask…";

    private const string B = WebhookBase;
    private const string Seed = HostileHost.SeedInstanceId;

    /// <summary>Instance ids Durable refuses: Table-key-forbidden characters, control characters, overlong.</summary>
    private static readonly (string Label, string Encoded)[] BadInstanceIds =
    [
        ("'#'", "bad%23id"),
        ("'\\'", "bad%5Cid"),
        ("'?'", "bad%3Fid"),
        ("U+0001", "bad%01id"),
        ("U+001F", "bad%1Fid"),
        ("DEL", "bad%7Fid"),
        ("257 characters", new string('i', 257)),
        ("only spaces", "%20%20"),
    ];

    public static IReadOnlyList<HostileCase> Cases()
    {
        var list = new CaseList(Family);

        // Start.
        list.Invalid("start an unknown orchestration", Json("POST", $"{B}/orchestrators/NoSuchOrchestration", "{}"), "functionName")
            .Invalid("start an injected orchestration name", Json("POST", $"{B}/orchestrators/%27%20or%20%271%27%20eq%20%271", "{}"), "functionName")
            .Invalid("start a name with a control character", Json("POST", $"{B}/orchestrators/Lesson%01Generation", "{}"), "functionName")
            .Invalid("start a 300-character name", Json("POST", $"{B}/orchestrators/{Repeat('n', 300)}", "{}"), "functionName")
            .Invalid("start with malformed JSON", Json("POST", $"{B}/orchestrators/LessonGeneration", "{\"subject\":"), "body")
            .Invalid("start with 10,000 nested arrays", Json("POST", $"{B}/orchestrators/LessonGeneration", DeepArrays()), "body")
            .Invalid("start with 10,000 nested objects", Json("POST", $"{B}/orchestrators/LessonGeneration", DeepObjects()), "body")
            .Invalid("start with invalid UTF-8", Bytes("POST", $"{B}/orchestrators/LessonGeneration", InvalidUtf8Subject()), "body")
            .Invalid("start with UTF-16 bytes", Bytes("POST", $"{B}/orchestrators/LessonGeneration", Utf16("{\"a\":1}"), "application/json; charset=utf-16"), "body")
            .Status("start with a 1 MB+ body", Bytes("POST", $"{B}/orchestrators/LessonGeneration", HugeJson(OverWebhookLimit)), 413)
            .Status("start with a 1 MB+ chunked body", Chunked("POST", $"{B}/orchestrators/LessonGeneration", HugeJson(OverWebhookLimit)), 413)
            .Status("start with an 8 MB chunked body", Chunked("POST", $"{B}/orchestrators/LessonGeneration", HugeJson(8 * 1024 * 1024)), 413)
            .Status("start without the system key", Anonymous("POST", $"{B}/orchestrators/LessonGeneration"), 401)
            .Status("start with the key in a wrong case of the header value", Send("POST", $"{B}/orchestrators/LessonGeneration", ("x-functions-key", HostileHost.SystemKey.ToUpperInvariant())), 401)
            .Status("start with two key headers, one wrong", Send("POST", $"{B}/orchestrators/LessonGeneration", ("x-functions-key", "wrong"), ("x-functions-key", HostileHost.SystemKey)), 401);
        foreach (var (label, encoded) in BadInstanceIds)
        {
            list.Invalid($"start with an instance id with {label}", Json("POST", $"{B}/orchestrators/LessonGeneration/{encoded}", "{}"), "instanceId");
        }

        // Status.
        list.Invalid("status showHistory=maybe", Get($"{B}/instances/{Seed}?showHistory=maybe"), "showHistory")
            .Invalid("status showInput=1", Get($"{B}/instances/{Seed}?showInput=1"), "showInput")
            .Invalid("status showInput twice", Get($"{B}/instances/{Seed}?showInput=true&showInput=false"), "showInput")
            .Invalid("status showHistoryOutput an injection", Get($"{B}/instances/{Seed}?showHistoryOutput=true%27%20or%20%271"), "showHistoryOutput")
            .Invalid("status returnInternalServerErrorOnFailure=yes", Get($"{B}/instances/{Seed}?returnInternalServerErrorOnFailure=yes"), "returnInternalServerErrorOnFailure")
            .Status("status of an unknown id", Get($"{B}/instances/no-such-instance"), 404)
            .Status("status of an OData filter id", Get($"{B}/instances/%27%20or%20PartitionKey%20ne%20%27"), 404)
            .Status("status of a traversal id", Get($"{B}/instances/..%2F..%2Fetc%2Fpasswd"), 404)
            .Status("status of a lone-surrogate id", Get($"{B}/instances/%ED%A0%80"), 404)
            .Status("status of the seed's id in another case", Get($"{B}/instances/SEED-RUN"), 404)
            .Status("status without the system key", Anonymous("GET", $"{B}/instances/{Seed}"), 401);
        foreach (var (label, encoded) in BadInstanceIds)
        {
            list.Invalid($"status of an id with {label}", Get($"{B}/instances/{encoded}"), "instanceId");
        }

        // List.
        const string ContinuationHeader = "x-ms-continuation-token";
        list.Invalid("list top=0", Get($"{B}/instances?top=0"), "top")
            .Invalid("list top=-1", Get($"{B}/instances?top=-1"), "top")
            .Invalid("list top=1001", Get($"{B}/instances?top=1001"), "top")
            .Invalid("list top huge", Get($"{B}/instances?top=99999999999999999999"), "top")
            .Invalid("list top=1e3", Get($"{B}/instances?top=1e3"), "top")
            .Invalid("list top twice", Get($"{B}/instances?top=1&top=2"), "top")
            .Invalid("list runtimeStatus unknown", Get($"{B}/instances?runtimeStatus=Sleeping"), "runtimeStatus")
            .Invalid("list runtimeStatus a number", Get($"{B}/instances?runtimeStatus=Running,5"), "runtimeStatus")
            .Invalid("list runtimeStatus an OData filter", Get($"{B}/instances?runtimeStatus=Running%27%20or%20%271%27%20eq%20%271"), "runtimeStatus")
            .Invalid("list createdTimeFrom a word", Get($"{B}/instances?createdTimeFrom=yesterday"), "createdTimeFrom")
            .Invalid("list createdTimeTo impossible", Get($"{B}/instances?createdTimeTo=2026-02-30T00:00:00Z"), "createdTimeTo")
            .Invalid("list createdTimeFrom before year 1 in UTC", Get($"{B}/instances?createdTimeFrom=0001-01-01T00:00:00%2B14:00"), "createdTimeFrom")
            .Invalid("list showInput=yes", Get($"{B}/instances?showInput=yes"), "showInput")
            .Invalid("list continuation token garbage", Get($"{B}/instances", (ContinuationHeader, "garbage")), ContinuationHeader)
            .Invalid("list continuation token an OData filter", Get($"{B}/instances", (ContinuationHeader, "' or PartitionKey ne '")), ContinuationHeader)
            .Invalid("list continuation token of Table storage", Get($"{B}/instances", (ContinuationHeader, Base64("{\"NextPartitionKey\":\"1!8!c2VlZA--\",\"NextRowKey\":null}"))), ContinuationHeader)
            .Invalid("list continuation token 6 KB", Get($"{B}/instances", (ContinuationHeader, Repeat('A', 6000))), ContinuationHeader)
            .Invalid("list continuation token twice", Get($"{B}/instances", (ContinuationHeader, "a"), (ContinuationHeader, "b")), ContinuationHeader)
            .Add("list instanceIdPrefix an OData filter matches nothing", Get($"{B}/instances?instanceIdPrefix=%27%20or%20PartitionKey%20ne%20%27"),
                Expected.Success(200, "the prefix is compared as a value, so an injection lists no instance", EmptyArray))
            .Add("list instanceIdPrefix with a NUL matches nothing", Get($"{B}/instances?instanceIdPrefix=seed%00"),
                Expected.Success(200, "a prefix no id has lists nothing", EmptyArray))
            .Add("list unknown $filter parameter is ignored", Get($"{B}/instances?$filter=PartitionKey%20eq%20%27nothing%27"),
                Expected.Success(200, "unknown query parameters are ignored, as Durable does: the full list, seed included", ListsSeed))
            .Status("list without the system key", Anonymous("GET", $"{B}/instances"), 401)
            .Status("list with the key only in a wrong code", Anonymous("GET", $"{B}/instances?code=wrong"), 401);

        // Raise event, terminate, suspend, resume, rewind, restart.
        list.Status("raise event on an unknown instance", Json("POST", $"{B}/instances/no-such-instance/raiseEvent/go", "{}"), 404)
            .Status("raise event on a failed instance", Json("POST", $"{B}/instances/{Seed}/raiseEvent/go", "{}"), 410)
            .Invalid("raise event with a control-character name", Json("POST", $"{B}/instances/{Seed}/raiseEvent/g%01o", "{}"), "eventName")
            .Invalid("raise event with a 300-character name", Json("POST", $"{B}/instances/{Seed}/raiseEvent/{Repeat('e', 300)}", "{}"), "eventName")
            .Invalid("raise event with a blank name", Json("POST", $"{B}/instances/{Seed}/raiseEvent/%20", "{}"), "eventName")
            .Status("terminate an unknown instance", Send("POST", $"{B}/instances/no-such-instance/terminate?reason=x"), 404)
            .Status("terminate a failed instance", Send("POST", $"{B}/instances/{Seed}/terminate?reason=x"), 410)
            .Invalid("terminate with reason twice", Send("POST", $"{B}/instances/{Seed}/terminate?reason=a&reason=b"), "reason")
            .Status("suspend an unknown instance", Send("POST", $"{B}/instances/no-such-instance/suspend"), 404)
            .Status("suspend a failed instance", Send("POST", $"{B}/instances/{Seed}/suspend?reason=%00%01"), 410)
            .Status("resume an unknown instance", Send("POST", $"{B}/instances/no-such-instance/resume"), 404)
            .Status("resume a failed instance", Send("POST", $"{B}/instances/{Seed}/resume"), 410)
            .Status("rewind an unknown instance", Send("POST", $"{B}/instances/no-such-instance/rewind"), 404)
            .Status("restart an unknown instance", Send("POST", $"{B}/instances/no-such-instance/restart"), 404)
            .Invalid("restart with restartWithNewInstanceId=maybe", Send("POST", $"{B}/instances/{Seed}/restart?restartWithNewInstanceId=maybe"), "restartWithNewInstanceId")
            .Status("terminate without the system key", Anonymous("POST", $"{B}/instances/{Seed}/terminate"), 401)
            .Status("rewind without the system key", Anonymous("POST", $"{B}/instances/{Seed}/rewind"), 401);
        foreach (var (label, encoded) in BadInstanceIds.Take(4))
        {
            list.Invalid($"raise event on an id with {label}", Json("POST", $"{B}/instances/{encoded}/raiseEvent/go", "{}"), "instanceId")
                .Invalid($"terminate an id with {label}", Send("POST", $"{B}/instances/{encoded}/terminate"), "instanceId")
                .Invalid($"suspend an id with {label}", Send("POST", $"{B}/instances/{encoded}/suspend"), "instanceId")
                .Invalid($"resume an id with {label}", Send("POST", $"{B}/instances/{encoded}/resume"), "instanceId")
                .Invalid($"rewind an id with {label}", Send("POST", $"{B}/instances/{encoded}/rewind"), "instanceId")
                .Invalid($"restart an id with {label}", Send("POST", $"{B}/instances/{encoded}/restart"), "instanceId")
                .Invalid($"purge an id with {label}", Send("DELETE", $"{B}/instances/{encoded}"), "instanceId");
        }

        // Purge.
        list.Status("purge an unknown instance", Send("DELETE", $"{B}/instances/no-such-instance"), 404)
            .Status("purge an OData filter id", Send("DELETE", $"{B}/instances/%27%20or%20PartitionKey%20ne%20%27"), 404)
            .Status("purge a traversal id", Send("DELETE", $"{B}/instances/..%2F..%2F"), 404)
            .Invalid("purge many without createdTimeFrom", Send("DELETE", $"{B}/instances"), "createdTimeFrom")
            .Invalid("purge many with a word for createdTimeFrom", Send("DELETE", $"{B}/instances?createdTimeFrom=long-ago"), "createdTimeFrom")
            .Invalid("purge many with an impossible createdTimeTo", Send("DELETE", $"{B}/instances?createdTimeFrom=2020-01-01T00:00:00Z&createdTimeTo=2020-99-01"), "createdTimeTo")
            .Invalid("purge many with an unknown status", Send("DELETE", $"{B}/instances?createdTimeFrom=2020-01-01T00:00:00Z&runtimeStatus=Bogus"), "runtimeStatus")
            .Invalid("purge many with an injected status", Send("DELETE", $"{B}/instances?createdTimeFrom=2020-01-01T00:00:00Z&runtimeStatus=Failed%27%20or%20%271%27%20eq%20%271"), "runtimeStatus")
            .Invalid("purge many with createdTimeFrom twice", Send("DELETE", $"{B}/instances?createdTimeFrom=2020-01-01T00:00:00Z&createdTimeFrom=2021-01-01T00:00:00Z"), "createdTimeFrom")
            .Status("purge many in the far future", Send("DELETE", $"{B}/instances?createdTimeFrom=2999-01-01T00:00:00Z"), 404)
            .Status("purge many without the system key", Anonymous("DELETE", $"{B}/instances?createdTimeFrom=2000-01-01T00:00:00Z"), 401);

        // Paths and methods the webhooks do not have.
        list.Status("unknown webhook path", Get($"{B}/nothing-here"), 404)
            .Status("PUT an instance", Json("PUT", $"{B}/instances/{Seed}", "{}"), 404)
            .Status("PATCH the list", Json("PATCH", $"{B}/instances", "{}"), 404)
            .Status("PROPFIND the base", Send("PROPFIND", B), 404)
            .Status("GET terminate", Get($"{B}/instances/{Seed}/terminate"), 404)
            .Status("dot-dot segments up to the root", Get($"{B}/%2e%2e/%2e%2e/%2e%2e/etc/passwd"), 404)
            .Status("unknown path without the system key", Anonymous("GET", $"{B}/nothing-here"), 401);
        return list.Cases;
    }

    private static bool EmptyArray(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() == 0;
    }

    private static bool ListsSeed(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.EnumerateArray().Any(instance => instance.GetProperty("instanceId").GetString() == Seed);
    }
}
