namespace DurableLessons.Shared.Practice;

/// <summary>What a learner's message asks for.</summary>
public enum PracticeMessageKind
{
    Answer,
    Question,

    /// <summary>The learner ends the session; no turn is recorded.</summary>
    End,
}

/// <summary>The reply to one message, as the learner sees it.</summary>
public sealed record PracticeReply(
    bool? Correct,
    string Feedback,
    string? Hint,
    IReadOnlyList<Lessons.Citation> Citations,
    string Generator,
    double? Score = null,
    string? ShownAnswer = null);

/// <summary>One turn of the transcript: the learner's message and the tutor's reply.</summary>
public sealed record PracticeTurn(
    string MessageId,
    PracticeMessageKind Kind,
    string? TaskId,
    string Text,
    PracticeReply Reply,
    DateTimeOffset At);

/// <summary>How one task ended.</summary>
public sealed record PracticeTaskOutcome(string TaskId, bool Correct, int Attempts, bool AnswerShown);

public sealed record PracticeScore(int Correct, int Attempted, int Total);

/// <summary>Saved when a session ends: all tasks done, the learner ended it, or it expired.</summary>
public sealed record PracticeSummary(
    string SessionId,
    PracticeLessonRef Lesson,
    string State,
    PracticeScore Score,
    IReadOnlyList<PracticeTaskOutcome> PerTask,
    double DurationSeconds,
    DateTimeOffset EndedAt);

/// <summary>
/// Practice transcripts and summaries. Appending is idempotent per message id: a second append of the same message
/// (an activity re-run after a crash, a client retry) stores nothing and returns the turn stored first, so a message
/// is never graded into the transcript twice.
/// </summary>
public interface IPracticeStore
{
    /// <summary>Appends <paramref name="turn"/> unless a turn with its message id exists; returns the stored turn either way.</summary>
    Task<PracticeTurn> AppendTurnAsync(string sessionId, PracticeTurn turn, CancellationToken cancellationToken);

    Task<PracticeTurn?> FindTurnAsync(string sessionId, string messageId, CancellationToken cancellationToken);

    /// <summary>Every turn, in the order appended.</summary>
    Task<IReadOnlyList<PracticeTurn>> GetTranscriptAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a message the session accepted (the inbox), before it is handed to the orchestration as an event, so that
    /// one in flight while the session continues as new is picked up by the next execution. Idempotent per message id.
    /// </summary>
    Task AddMessageAsync(string sessionId, PracticeMessage message, CancellationToken cancellationToken);

    /// <summary>Every accepted message, in the order accepted.</summary>
    Task<IReadOnlyList<PracticeMessage>> GetMessagesAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Removes a session's transcript, inbox and summary (a new session under the same id starts over).</summary>
    Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken);

    Task SaveSummaryAsync(PracticeSummary summary, CancellationToken cancellationToken);

    Task<PracticeSummary?> GetSummaryAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The summaries of every ended session whose id starts with <paramref name="sessionIdPrefix"/> (one learner's: "practice~{learner}~").</summary>
    Task<IReadOnlyList<PracticeSummary>> ListSummariesAsync(string sessionIdPrefix, CancellationToken cancellationToken);
}
