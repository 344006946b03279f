using System.Text.Json;
using DurableLessons.Http.Links;
using DurableLessons.Engine;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Tests;

/// <summary>Stored input, output and custom status reach clients as the JSON values they are.</summary>
public sealed class StatusPayloadTests
{
    [Fact]
    public void Stored_JSON_is_embedded_as_values_and_text_that_is_not_JSON_as_a_string()
    {
        var metadata = new OrchestrationMetadata("Lesson", "run-1")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = DateTimeOffset.UnixEpoch,
            SerializedInput = """{"topic":"verbs","level":1}""",
            SerializedCustomStatus = "not { json",
            SerializedOutput = "[1,\"two\",null]",
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(InstanceStatusPayload.From(metadata), ManagementJson.Options));
        var root = json.RootElement;

        Assert.Equal("verbs", root.GetProperty("input").GetProperty("topic").GetString());
        Assert.Equal(1, root.GetProperty("input").GetProperty("level").GetInt32());
        Assert.Equal("not { json", root.GetProperty("customStatus").GetString());
        Assert.Equal(3, root.GetProperty("output").GetArrayLength());
        Assert.Equal("two", root.GetProperty("output")[1].GetString());
    }

    [Fact]
    public void A_failed_instance_reports_its_failure_as_a_string_output_and_hidden_input_as_null()
    {
        var metadata = new OrchestrationMetadata("Lesson", "run-2")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = DateTimeOffset.UnixEpoch,
            SerializedInput = "\"secret\"",
            FailureDetails = new TaskFailureDetails("System.InvalidOperationException", "model said \"no\"", null, null, null),
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(InstanceStatusPayload.From(metadata, showInput: false), ManagementJson.Options));
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("input").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("customStatus").ValueKind);
        Assert.Equal("Orchestrator function 'Lesson' failed: model said \"no\"", root.GetProperty("output").GetString());
    }
}
