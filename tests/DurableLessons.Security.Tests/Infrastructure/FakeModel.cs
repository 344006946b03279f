using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DurableLessons.Testing.Models;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Security.Tests.Infrastructure;

/// <summary>One chat-completions request as the fake model saw it.</summary>
public sealed record ModelCall(string Step, string Authorization, string SystemPrompt, string UserPrompt);

/// <summary>
/// The shared <see cref="ScriptedChatServer"/> playing a model. By default it answers each
/// lesson step (recognised by its <c>response_format</c> schema name) with a small valid reply citing the first research
/// note; <see cref="Answer"/> replaces that with any behaviour, such as failing or obeying injected instructions.
/// </summary>
public sealed partial class FakeModel : IAsyncDisposable
{
    private ScriptedChatServer _server = null!;

    private FakeModel()
    {
    }

    /// <summary>The endpoint to configure as <c>Llm:Providers:N:Endpoint</c>.</summary>
    public string Endpoint => _server.Endpoint;

    public IReadOnlyList<ModelCall> Calls => [.. _server.Requests.Select(CallOf)];

    /// <summary>What to answer a call: a status code and, for 200, the message content. Defaults to <see cref="ValidReply"/>.</summary>
    public Func<ModelCall, (int Status, string Content)> Answer { get; set; } = call => (StatusCodes.Status200OK, ValidReply(call));

    public static async Task<FakeModel> StartAsync()
    {
        var model = new FakeModel();
        model._server = await ScriptedChatServer.StartAsync(model.Reply);
        return model;
    }

    /// <summary>A reply of the right shape for the step, consistent with the outline this fake always proposes.</summary>
    public static string ValidReply(ModelCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var note = NoteNumber().Match(call.UserPrompt) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var outline = new JsonObject
        {
            ["title"] = "Regular verbs in the past",
            ["summary"] = "How regular verbs form the past tense. Why -ed is added.",
            ["objectives"] = new JsonArray("Form the past tense of a regular verb"),
            ["sections"] = new JsonArray(new JsonObject { ["heading"] = "Adding -ed", ["keyPoints"] = new JsonArray("Regular verbs add -ed") }),
        };
        var sections = new JsonArray(new JsonObject
        {
            ["heading"] = "Adding -ed",
            ["body"] = $"Regular verbs add -ed to form the past tense [{note}].",
            ["citationIds"] = new JsonArray(note),
        });
        var exercises = new JsonArray(new JsonObject { ["prompt"] = "Past tense of walk?", ["answer"] = "walked" });
        var quiz = new JsonArray(new JsonObject
        {
            ["question"] = "Past tense of play?",
            ["choices"] = new JsonArray("played", "plew"),
            ["answerIndex"] = 0,
            ["explanation"] = "Play is regular: it adds -ed.",
        });
        JsonObject reply = call.Step switch
        {
            "lesson_outline" => outline,
            "lesson_sections" => new JsonObject { ["sections"] = sections },
            "lesson_exercises" => new JsonObject { ["exercises"] = exercises },
            "lesson_quiz" => new JsonObject { ["questions"] = quiz },
            "lesson_review" => new JsonObject
            {
                ["draft"] = new JsonObject { ["outline"] = outline, ["sections"] = sections, ["exercises"] = exercises, ["quiz"] = quiz },
                ["changes"] = new JsonArray(),
            },
            _ => throw new InvalidOperationException($"The fake model does not know the step '{call.Step}'."),
        };
        return reply.ToJsonString();
    }

    private ChatReply Reply(ChatRequest request)
    {
        var (status, content) = Answer(CallOf(request));
        return status == StatusCodes.Status200OK ? ChatReply.Completion(content) : ChatReply.Error(status);
    }

    private static ModelCall CallOf(ChatRequest request) =>
        new(request.Step, request.Authorization, request.Message("system"), request.Message("user"));

    [GeneratedRegex(@"^\[(\d+)\] \{", RegexOptions.Multiline)]
    private static partial Regex NoteNumber();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
