using DurableLessons.Shared.Practice;

namespace DurableLessons.Activities.Practice;

/// <summary>
/// A learner message the model's content filter refused: the same text would be refused again, so the tutor says so
/// (not graded, no attempt used) and the session goes on, rather than failing after the storage retries.
/// </summary>
internal static class PracticeRefusals
{
    public const string Generator = "content-filter";

    public static PracticeReply Reply(string what) => new(
        null,
        $"The tutor's model refused this message (its content filter flagged it), so it was not {what}. Please rephrase it and send it again.",
        null,
        [],
        Generator);
}
