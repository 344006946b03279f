using DurableLessons.Engine.Tests.Infrastructure;

namespace DurableLessons.Engine.Tests.Workflows;

/// <summary>Reports the thread it runs on, before and after an await: "name|nice" (nice from /proc on Linux).</summary>
public sealed class ReportThread : TaskActivity<string?, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, string? input)
    {
        var before = ThreadReport.Current();
        await Task.Delay(10);
        return $"{before};{ThreadReport.Current()}";
    }
}

public sealed class ReportThreads(Probe probe) : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        if (!context.IsReplaying)
        {
            probe.Note($"orchestrator;{ThreadReport.Current()}");
        }

        return await context.CallActivityAsync<string>(nameof(ReportThread));
    }
}

public static class ThreadReport
{
    public static string Current() => $"{Thread.CurrentThread.Name}|{Nice()}";

    /// <summary>
    /// The calling thread's nice value: field 19 of /proc/thread-self/stat (after the parenthesised name) on Linux;
    /// elsewhere the managed priority, which is what the engine lowers there.
    /// </summary>
    public static string Nice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Thread.CurrentThread.Priority == ThreadPriority.Normal ? "0" : "lowered";
        }

        var stat = File.ReadAllText("/proc/thread-self/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16];
    }
}
