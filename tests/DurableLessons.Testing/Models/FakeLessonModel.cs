using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Testing.Models;

/// <summary>
/// A <see cref="ScriptedChatServer"/> that answers every lesson step with a schema-valid reply after a jittered
/// delay, so a SIGKILL of the host often lands while a step is waiting for the model. It counts the calls per lesson
/// and step, and remembers every title it wrote in a review reply (the title a saved version must carry).
/// </summary>
public sealed partial class FakeLessonModel : IAsyncDisposable
{
    private readonly Random _jitter;
    private readonly TimeSpan _minDelay;
    private readonly TimeSpan _maxDelay;
    private readonly ConcurrentDictionary<(string Lesson, string Step), int> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> _reviewTitles = new();
    private ScriptedChatServer _server = null!;
    private int _replies;

    private FakeLessonModel(int seed, TimeSpan minDelay, TimeSpan maxDelay)
    {
        _jitter = new Random(seed);
        _minDelay = minDelay;
        _maxDelay = maxDelay;
    }

    /// <summary>The five chat-completions steps of one lesson run, by their response schema names.</summary>
    public static IReadOnlyList<string> Steps { get; } = ["lesson_outline", "lesson_sections", "lesson_exercises", "lesson_quiz", "lesson_review"];

    /// <summary>The provider endpoint to configure: <c>http://127.0.0.1:port/v1</c>.</summary>
    public string Endpoint => _server.Endpoint;

    /// <summary>Requests whose caller went away before the reply was written (the host was killed mid-call).</summary>
    public int Abandoned => _server.Abandoned;

    public int TotalCalls => _calls.Values.Sum();

    /// <summary>Every call whose reply was written in full, in the order they finished.</summary>
    public IReadOnlyList<ServedModelCall> Served =>
    [
        .. _server.Answered.Select(answered => new ServedModelCall(
            answered.Request.Step.StartsWith("practice_", StringComparison.Ordinal) ? string.Empty : ParseLesson(answered.Request.Message("system")).Topic,
            answered.Request.Step,
            answered.Request.ReceivedTimestamp,
            answered.AnsweredTimestamp)),
    ];

    /// <summary>How long the practice tutor's calls (grading, answering) take: long enough to kill the host during one.</summary>
    public TimeSpan TutorDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// When set, the tutor's steps are refused as Azure OpenAI's content filter refuses a prompt: 400, code
    /// <c>content_filter</c>, the category <c>violence</c> filtered.
    /// </summary>
    public bool RefuseTutoring { get; set; }

    /// <summary>How many times the practice tutor's step (<c>practice_grade</c>, <c>practice_answer</c>) was asked for.</summary>
    public int TutorCalls(string step) => _calls.TryGetValue((Tutoring, step), out var count) ? count : 0;

    private const string Tutoring = "practice";

    private static JsonObject TutorReply(string step) => step == "practice_answer"
        ? new JsonObject { ["answer"] = "Irregular verbs have their own past forms.", ["citationIds"] = new JsonArray(1) }
        : new JsonObject { ["correct"] = true, ["score"] = 1.0, ["feedback"] = "Well put.", ["hint"] = string.Empty };

    public static async Task<FakeLessonModel> StartAsync(int seed, TimeSpan minDelay, TimeSpan maxDelay)
    {
        var model = new FakeLessonModel(seed, minDelay, maxDelay);
        model._server = await ScriptedChatServer.StartAsync(model.Answer);
        return model;
    }

    /// <summary>How many times a step was asked for, for one lesson (subject and topic as normalized by <see cref="LessonKey"/>).</summary>
    public int CallsFor(LessonKey key, string step) => _calls.TryGetValue((LessonLabel(key), step), out var count) ? count : 0;

    public IReadOnlyCollection<string> ReviewTitlesFor(LessonKey key) =>
        _reviewTitles.TryGetValue(LessonLabel(key), out var titles) ? titles.ToArray() : [];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string LessonLabel(LessonKey key) => $"{key.Subject}|{key.Topic}|{key.Level.ToWire()}";

    private ChatReply Answer(ChatRequest request)
    {
        var step = request.Step;
        var tutoring = step.StartsWith("practice_", StringComparison.Ordinal);
        var lesson = tutoring ? null : ParseLesson(request.Message("system"));
        _calls.AddOrUpdate((lesson?.Label ?? Tutoring, step), 1, (_, count) => count + 1);
        if (tutoring && RefuseTutoring)
        {
            return ChatReply.ContentFilter("violence");
        }

        // The reply is written only after the delay, so a review title is remembered only if the host could still get it.
        return ChatReply.After(
            tutoring ? TutorDelay : NextDelay(),
            ChatReply.For(_ => ChatReply.Completion((tutoring ? TutorReply(step) : Reply(step, lesson!, NoteIds(request.Message("user")))).ToJsonString())));
    }

    private TimeSpan NextDelay()
    {
        lock (_jitter)
        {
            return _minDelay + ((_maxDelay - _minDelay) * _jitter.NextDouble());
        }
    }

    private JsonObject Reply(string step, Lesson lesson, IReadOnlyList<int> noteIds) => step switch
    {
        "lesson_outline" => Outline(lesson, $"{lesson.Topic} for {lesson.Level} learners"),
        "lesson_sections" => new JsonObject { ["sections"] = Sections(noteIds) },
        "lesson_exercises" => new JsonObject { ["exercises"] = Exercises() },
        "lesson_quiz" => new JsonObject { ["questions"] = Quiz() },
        "lesson_review" => Review(lesson, noteIds),
        _ => throw new InvalidOperationException($"The fake model does not know the step '{step}'."),
    };

    private JsonObject Review(Lesson lesson, IReadOnlyList<int> noteIds)
    {
        // A title no other reply has, so a saved version shows which review reply it was built from.
        var title = $"{lesson.Topic} (review reply {Interlocked.Increment(ref _replies)})";
        _reviewTitles.GetOrAdd(lesson.Label, _ => []).Add(title);
        return new JsonObject
        {
            ["draft"] = new JsonObject
            {
                ["outline"] = Outline(lesson, title),
                ["sections"] = Sections(noteIds),
                ["exercises"] = Exercises(),
                ["quiz"] = Quiz(),
            },
            ["changes"] = new JsonArray(),
        };
    }

    private static JsonObject Outline(Lesson lesson, string title) => new()
    {
        ["title"] = title,
        ["summary"] = $"What a {lesson.Level} learner needs to know about {lesson.Topic}.",
        ["objectives"] = new JsonArray("Name the main idea", "Apply it to an example"),
        ["sections"] = new JsonArray(
            new JsonObject { ["heading"] = "The idea", ["keyPoints"] = new JsonArray("What it is", "Why it matters") },
            new JsonObject { ["heading"] = "An example", ["keyPoints"] = new JsonArray("A worked case") }),
    };

    private static JsonArray Sections(IReadOnlyList<int> noteIds)
    {
        var cited = noteIds.Count > 0 ? noteIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        JsonArray Citations() => noteIds.Count > 0 ? new JsonArray(noteIds[0]) : [];
        return new JsonArray(
            new JsonObject { ["heading"] = "The idea", ["body"] = $"The main idea, as the notes put it [{cited}].", ["citationIds"] = Citations() },
            new JsonObject { ["heading"] = "An example", ["body"] = $"A worked example [{cited}].", ["citationIds"] = Citations() });
    }

    private static JsonArray Exercises() => new(
        new JsonObject { ["prompt"] = "State the main idea in one sentence.", ["answer"] = "The main idea." },
        new JsonObject { ["prompt"] = "Give an example.", ["answer"] = "The worked example." });

    private static JsonArray Quiz() => new(
        new JsonObject
        {
            ["question"] = "Which section shows a worked case?",
            ["choices"] = new JsonArray("The idea", "An example", "Neither"),
            ["answerIndex"] = 1,
            ["explanation"] = "The example section works through a case.",
        });

    private static Lesson ParseLesson(string systemMessage)
    {
        var match = LessonLine().Match(systemMessage);
        if (!match.Success)
        {
            throw new InvalidOperationException($"The system message names no lesson: {systemMessage}");
        }

        var subject = JsonSerializer.Deserialize<string>(match.Groups["subject"].Value)!;
        var topic = JsonSerializer.Deserialize<string>(match.Groups["topic"].Value)!;
        var level = JsonSerializer.Deserialize<string>(match.Groups["level"].Value)!;
        if (!LessonLevels.TryParse(level, out var parsedLevel))
        {
            throw new InvalidOperationException($"The system message names no known level: {level}");
        }

        var key = new LessonKey(subject, topic, parsedLevel);
        return new Lesson(LessonLabel(key), key.Topic, level);
    }

    private static List<int> NoteIds(string userMessage) =>
        NoteLine().Matches(userMessage).Select(m => int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex("""subject (?<subject>"(?:[^"\\]|\\.)*"), topic (?<topic>"(?:[^"\\]|\\.)*"), for (?<level>"(?:[^"\\]|\\.)*") learners""")]
    private static partial Regex LessonLine();

    [GeneratedRegex(@"^\[(?<id>\d+)\] \{", RegexOptions.Multiline)]
    private static partial Regex NoteLine();

    private sealed record Lesson(string Label, string Topic, string Level);
}
