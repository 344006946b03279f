using System.Text.Json.Serialization;
using DurableLessons.Shared.Lessons;

namespace DurableLessons.Shared.Practice;

public static class PracticeNames
{
    public const string PracticeSession = nameof(PracticeSession);
    public const string OpenPracticeSession = nameof(OpenPracticeSession);
    public const string GetPracticeTask = nameof(GetPracticeTask);
    public const string GradePracticeAnswer = nameof(GradePracticeAnswer);
    public const string AnswerPracticeQuestion = nameof(AnswerPracticeQuestion);
    public const string SavePracticeSummary = nameof(SavePracticeSummary);
    public const string ReadPracticeInbox = nameof(ReadPracticeInbox);

    /// <summary>The external event that carries a learner's message.</summary>
    public const string MessageEvent = "message";

    /// <summary>Learners who did not sign in share this id.</summary>
    public const string AnonymousLearner = "anonymous";

    /// <summary>One session per learner and lesson version: a second start joins the active one.</summary>
    public static string SessionId(string learnerId, LessonKey lesson, string version)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        return $"practice~{learnerId}~{lesson.StorageId}~{version}";
    }
}

/// <summary>How a session stands: waiting for the learner, grading, or ended (and how).</summary>
public static class PracticeStates
{
    public const string Waiting = "waiting";
    public const string Checking = "checking";
    public const string Completed = "completed";
    public const string Ended = "ended";
    public const string Expired = "expired";
}

/// <summary>A learner's message, raised as the <see cref="PracticeNames.MessageEvent"/> event.</summary>
public sealed record PracticeMessage(string MessageId, PracticeMessageKind Kind, string? TaskId, string? Text);

/// <summary>
/// The input of a PracticeSession run. Subject, topic and level are required; the version defaults to the latest.
/// <see cref="State"/> is set only when the session continues as new.
/// </summary>
public sealed record PracticeSessionInput(
    [property: JsonRequired] string Subject,
    [property: JsonRequired] string Topic,
    [property: JsonRequired] LessonLevel Level,
    string? Version = null,
    string? LearnerId = null,
    int IdleTimeoutSeconds = PracticeOptions.DefaultIdleTimeoutMinutes * 60,
    int MaxAttempts = PracticeOptions.DefaultMaxAttempts,
    int TurnsPerExecution = PracticeOptions.DefaultTurnsPerExecution,
    PracticeState? State = null)
{
    /// <summary>This input with its defaults, or an <see cref="ArgumentException"/> naming the field at fault.</summary>
    public PracticeSessionInput Validated()
    {
        RunInputRules.RequireText(Subject, "subject");
        RunInputRules.RequireText(Topic, "topic");
        RunInputRules.RequireLevel(Level, "level");
        RunInputRules.RequireRange(IdleTimeoutSeconds, 1, 604_800, "idleTimeoutSeconds");
        RunInputRules.RequireRange(MaxAttempts, 1, 10, "maxAttempts");
        RunInputRules.RequireRange(TurnsPerExecution, 1, 1_000, "turnsPerExecution");
        return this with { LearnerId = string.IsNullOrWhiteSpace(LearnerId) ? PracticeNames.AnonymousLearner : LearnerId };
    }
}

/// <summary>
/// What a session carries from one execution to the next: task ids (not their content), the active task, the score
/// and the last message ids seen (so a retried message is not graded again after a continue-as-new).
/// </summary>
public sealed record PracticeState(
    PracticeLessonRef Lesson,
    IReadOnlyList<string> TaskIds,
    int ActiveIndex,
    PracticeTaskView? ActiveTask,
    IReadOnlyList<PracticeTaskOutcome> PerTask,
    int Turns,
    PracticeReply? LastFeedback,
    IReadOnlyList<string> RecentMessageIds,
    DateTime StartedAt)
{
    public PracticeScore Score => new(PerTask.Count(t => t.Correct), PerTask.Count, TaskIds.Count);
}

/// <summary>The session's custom status: small, fixed in shape, never an answer key of the active task.</summary>
public sealed record PracticeStatus(
    string State,
    PracticeLessonRef Lesson,
    PracticeTaskView? ActiveTask,
    PracticeScore Score,
    int Turns,
    PracticeReply? LastFeedback,
    IReadOnlyList<string> TaskIds);

public sealed record OpenPracticeSessionInput(string SessionId, string Subject, string Topic, LessonLevel Level, string? Version);

public sealed record PracticeOpened(PracticeLessonRef Lesson, IReadOnlyList<string> TaskIds, PracticeTaskView? FirstTask);

public sealed record GetPracticeTaskInput(PracticeLessonRef Lesson, string TaskId);

public sealed record GradePracticeAnswerInput(
    string SessionId, PracticeLessonRef Lesson, string MessageId, string ActiveTaskId, string? TaskId, string Text, int Attempt, int MaxAttempts);

public sealed record AnswerPracticeQuestionInput(string SessionId, PracticeLessonRef Lesson, string MessageId, string Text);
