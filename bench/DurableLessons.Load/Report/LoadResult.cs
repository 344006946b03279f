using DurableLessons.Load.Analysis;
using DurableLessons.Load.EmbeddedHost;

namespace DurableLessons.Load.Report;

/// <summary>Everything one load run measured.</summary>
internal sealed record LoadResult(
    LoadOptions Options,
    string Command,
    DateTimeOffset StartedAt,
    MachineFacts Machine,
    string LoadAverageAtStart,
    string LoadAverageAtEnd,
    string HostSettings,
    int Started,
    int Completed,
    IReadOnlyDictionary<string, int> NotCompleted,
    IReadOnlyList<string> SampleErrors,
    double MeasuredSeconds,
    int PeakInFlight,
    double RampSeconds,
    Distribution StartLatency,
    Distribution PollLatency,
    Distribution ProbeLatency,
    Distribution EndToEnd,
    int ModelCalls,
    Distribution ModelServiceTime,
    IReadOnlyList<LessonTimeSplit> TimeSplits,
    MemoryReading? Baseline,
    MemoryReading? AtEnd,
    double PeakRssMiB,
    MemoryReading? LargestSample,
    long DataBytesBefore,
    long DataBytesAfter,
    IReadOnlyList<(string Name, long Bytes)> DataFilesAfter,
    double HostCpuSeconds,
    double MaxThreads)
{
    public double LessonsPerSecond => MeasuredSeconds > 0 ? Completed / MeasuredSeconds : double.NaN;

    public double DataBytesPerLesson => Completed > 0 ? (DataBytesAfter - DataBytesBefore) / (double)Completed : double.NaN;
}
