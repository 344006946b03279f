using System.Collections.Concurrent;
using System.Diagnostics;

namespace DurableLessons.Load.FakeModel;

/// <summary>One chat-completions request as the fake model served it (Stopwatch timestamps).</summary>
internal readonly record struct ModelCall(string Topic, string Step, long StartTicks, long EndTicks)
{
    public double Milliseconds => (EndTicks - StartTicks) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Every call the fake model answered, grouped by the lesson topic named in the system prompt.</summary>
internal sealed class ModelCallLog
{
    private readonly ConcurrentQueue<ModelCall> calls = new();

    public int Count => calls.Count;

    public void Add(ModelCall call) => calls.Enqueue(call);

    public IReadOnlyList<ModelCall> All() => calls.ToArray();

    /// <summary>
    /// Milliseconds during which at least one model call of the lesson was being served: the union of its calls'
    /// intervals, so the parallel exercise and quiz calls count once.
    /// </summary>
    public static double BusyMilliseconds(IEnumerable<ModelCall> lessonCalls)
    {
        long busy = 0;
        long coveredUntil = long.MinValue;
        foreach (var call in lessonCalls.OrderBy(c => c.StartTicks))
        {
            var start = Math.Max(call.StartTicks, coveredUntil);
            if (call.EndTicks > start)
            {
                busy += call.EndTicks - start;
            }

            coveredUntil = Math.Max(coveredUntil, call.EndTicks);
        }

        return busy * 1000.0 / Stopwatch.Frequency;
    }
}
