using System.Text.Json;
using DurableLessons.HostileInput.Tests.Infrastructure;
using static DurableLessons.HostileInput.Tests.Corpus.Inputs;

namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>GET /api/runs (filters, paging) and GET /api/runs/{id}/events.</summary>
internal static class RunCases
{
    public const string Family = "/api/runs…";

    public static IReadOnlyList<HostileCase> Cases()
    {
        var list = new CaseList(Family);
        list.Invalid("status unknown", Get("/api/runs?status=Sleeping"), "status")
            .Invalid("status a number", Get("/api/runs?status=5"), "status")
            .Invalid("status list with one unknown", Get("/api/runs?status=Running,Bogus"), "status")
            .Invalid("status repeated with one unknown", Get("/api/runs?status=Running&status=Nope"), "status")
            .Invalid("status an OData filter", Get("/api/runs?status=Running%27%20or%20PartitionKey%20ne%20%27"), "status")
            .Invalid("status with a NUL", Get("/api/runs?status=Running%00"), "status")
            .Invalid("createdFrom a word", Get("/api/runs?createdFrom=yesterday"), "createdFrom")
            .Invalid("createdTo an impossible date", Get("/api/runs?createdTo=2026-13-45T00:00:00Z"), "createdTo")
            .Invalid("createdTo the 30th of February", Get("/api/runs?createdTo=2026-02-30T00:00:00Z"), "createdTo")
            .Invalid("createdFrom before year 1 in UTC", Get("/api/runs?createdFrom=0001-01-01T00:00:00%2B14:00"), "createdFrom")
            .Invalid("createdFrom an OData filter", Get("/api/runs?createdFrom=datetime%272020-01-01%27%20or%20true"), "createdFrom")
            .Invalid("createdFrom after createdTo", Get("/api/runs?createdFrom=2026-06-01T00:00:00Z&createdTo=2026-01-01T00:00:00Z"), "createdTo")
            .Invalid("pageSize zero", Get("/api/runs?pageSize=0"), "pageSize")
            .Invalid("pageSize negative", Get("/api/runs?pageSize=-1"), "pageSize")
            .Invalid("top negative", Get("/api/runs?top=-1"), "top")
            .Invalid("top beside pageSize", Get("/api/runs?top=5&pageSize=5"), "top")
            .Invalid("pageSize huge", Get("/api/runs?pageSize=99999999999999"), "pageSize")
            .Invalid("pageSize in exponent form", Get("/api/runs?pageSize=1e3"), "pageSize")
            .Invalid("pageSize a word", Get("/api/runs?pageSize=all"), "pageSize")
            .Invalid("continuationToken garbage", Get("/api/runs?continuationToken=not-a-token!!"), "continuationToken")
            .Invalid("continuationToken with a negative offset", Get($"/api/runs?continuationToken={Uri.EscapeDataString(Base64("runs:-1"))}"), "continuationToken")
            .Invalid("continuationToken with an overflowing offset", Get($"/api/runs?continuationToken={Uri.EscapeDataString(Base64("runs:99999999999"))}"), "continuationToken")
            .Invalid("continuationToken of another kind", Get($"/api/runs?continuationToken={Uri.EscapeDataString(Base64("{\"nextPartitionKey\":\"x\"}"))}"), "continuationToken")
            .Invalid("continuationToken an OData filter", Get("/api/runs?continuationToken=%27%20or%20PartitionKey%20ne%20%27"), "continuationToken")
            .Invalid("lesson key without topic and level", Get("/api/runs?subject=math"), "topic")
            .Invalid("lesson key with an unknown level", Get("/api/runs?subject=math&topic=fractions&level=guru"), "level")
            .Invalid("lesson key with a blank subject", Get("/api/runs?subject=%20&topic=fractions&level=beginner"), "subject")
            .Invalid("lesson key with an overlong topic", Get($"/api/runs?subject=math&topic={Repeat('t', 101)}&level=beginner"), "topic")
            .Add("name an OData filter matches nothing", Get("/api/runs?name=%27%20or%20PartitionKey%20ne%20%27"),
                Expected.Success(200, "the name is compared as a value, so an injection matches no run", NoRuns))
            .Add("lesson subject an OData filter matches nothing", Get("/api/runs?subject=%27%20or%201%20eq%201%20or%20%27&topic=x&level=beginner"),
                Expected.Success(200, "the lesson key becomes a hashed instance-id prefix, so an injection matches no run", NoRuns))
            .Add("unknown $filter parameter is ignored", Get("/api/runs?$filter=PartitionKey%20eq%20%27nothing%27"),
                Expected.Success(200, "unknown query parameters are ignored: the listing is the unfiltered one, seeded run included", ListsSeed))
            .Status("POST /api/runs", Send("POST", "/api/runs"), 405)
            .Status("DELETE /api/runs", Send("DELETE", "/api/runs"), 405);

        list.Status("events of an unknown run", Get("/api/runs/no-such-run/events"), 404)
            .Status("events of an OData filter id", Get("/api/runs/%27%20or%20PartitionKey%20ne%20%27/events"), 404)
            .Status("events of an id with '#'", Get("/api/runs/seed%23run/events"), 404)
            .Status("events of an id with a backslash", Get("/api/runs/seed%5Crun/events"), 404)
            .Status("events of an id with an encoded slash", Get("/api/runs/..%2F..%2Fetc%2Fpasswd/events"), 404)
            .Status("events of a blank id", Get("/api/runs/%20/events"), 404)
            .Status("events of an id with a control character", Get("/api/runs/seed%01run/events"), 404)
            .Status("events of a 4,000-character id", Get($"/api/runs/{Repeat('r', 4000)}/events"), 404)
            .Status("events of a lone-surrogate id", Get("/api/runs/%ED%A0%80/events"), 404)
            .Status("POST to events", Send("POST", "/api/runs/seed-run/events"), 405);
        return list.Cases;
    }

    private static bool NoRuns(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("runs").GetArrayLength() == 0;
    }

    private static bool ListsSeed(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("runs").EnumerateArray()
            .Any(run => run.GetProperty("instanceId").GetString() == HostileHost.SeedInstanceId);
    }
}
