using System.Globalization;
using System.Text.Json.Nodes;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>
/// History events as Durable's status route shows them: PascalCase keys (<c>EventType</c>, <c>FunctionName</c>,
/// <c>Timestamp</c>, <c>ScheduledTime</c>, <c>Input</c>, <c>Result</c>, <c>FailureDetails</c>); inputs and
/// results only with <c>showHistoryOutput=true</c>.
/// </summary>
internal static class InstanceHistoryPayload
{
    public static JsonArray From(IEnumerable<InstanceHistoryEvent> events, bool showHistoryOutput, bool showInput)
    {
        var array = new JsonArray();
        foreach (var historyEvent in events)
        {
            array.Add(From(historyEvent, showHistoryOutput, showInput));
        }

        return array;
    }

    private static JsonObject From(InstanceHistoryEvent historyEvent, bool showHistoryOutput, bool showInput)
    {
        var item = new JsonObject { ["EventType"] = historyEvent.EventType };
        if (historyEvent.Name is not null)
        {
            item["FunctionName"] = historyEvent.Name;
        }

        if (showHistoryOutput && showInput && historyEvent.Input is not null)
        {
            item["Input"] = EmbeddedJson.Parse(historyEvent.Input);
        }

        if (showHistoryOutput && historyEvent.Result is not null)
        {
            item["Result"] = EmbeddedJson.Parse(historyEvent.Result);
        }

        if (historyEvent.FailureDetails is not null)
        {
            item["FailureDetails"] = EmbeddedJson.Parse(historyEvent.FailureDetails);
        }

        if (historyEvent.ScheduledTime is { } scheduled)
        {
            item["ScheduledTime"] = Time(scheduled);
        }

        item["Timestamp"] = Time(historyEvent.Timestamp);
        return item;
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
