using System.Diagnostics;

namespace DurableLessons.Testing.Models;

/// <summary>
/// One model call <see cref="FakeLessonModel"/> answered in full: the lesson's topic ("" for the practice tutor), the
/// step, and when the request arrived and its reply was written (<see cref="Stopwatch"/> timestamps).
/// </summary>
public sealed record ServedModelCall(string Topic, string Step, long ReceivedTimestamp, long AnsweredTimestamp)
{
    /// <summary>The service time, arrival to reply written.</summary>
    public double Milliseconds => (AnsweredTimestamp - ReceivedTimestamp) * 1000.0 / Stopwatch.Frequency;
}
