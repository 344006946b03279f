using System.Diagnostics;
using DurableLessons.Testing.Models;

namespace DurableLessons.Load.Analysis;

/// <summary>How long a lesson was waiting for the model.</summary>
internal static class ModelBusyTime
{
    /// <summary>
    /// Milliseconds during which at least one model call of the lesson was being served: the union of its calls'
    /// intervals, so the parallel exercise and quiz calls count once.
    /// </summary>
    public static double Milliseconds(IEnumerable<ServedModelCall> lessonCalls)
    {
        long busy = 0;
        long coveredUntil = long.MinValue;
        foreach (var call in lessonCalls.OrderBy(c => c.ReceivedTimestamp))
        {
            var start = Math.Max(call.ReceivedTimestamp, coveredUntil);
            if (call.AnsweredTimestamp > start)
            {
                busy += call.AnsweredTimestamp - start;
            }

            coveredUntil = Math.Max(coveredUntil, call.AnsweredTimestamp);
        }

        return busy * 1000.0 / Stopwatch.Frequency;
    }
}
