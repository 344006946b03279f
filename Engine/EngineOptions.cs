using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Engine;

/// <summary>Settings of the embedded durable engine, bound from the "Engine" configuration section.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Engine";

    /// <summary>Root configuration key of the folder that holds the database when <see cref="DatabasePath"/> is not set.</summary>
    public const string DataDirectoryKey = "DataDirectory";

    public const string DefaultDataDirectory = "./.data";

    public const string DatabaseFileName = "durable.db";

    /// <summary>The SQLite file; defaults to <c>{DataDirectory}/durable.db</c>.</summary>
    [Required]
    public string? DatabasePath { get; set; }

    /// <summary>How many orchestration steps (episodes) run at the same time.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentOrchestrations { get; set; } = 8;

    /// <summary>How many activities run at the same time.</summary>
    [Range(1, 4096)]
    public int MaxConcurrentActivities { get; set; } = 32;

    /// <summary>
    /// Dedicated threads that run episodes and activities (their awaits continue there; waiting on I/O holds none).
    /// 0 = twice the processor count, at least 4.
    /// </summary>
    [Range(0, 256)]
    public int WorkerThreads { get; set; }

    /// <summary>
    /// How far below request handling the worker threads are scheduled when the CPU is short: a Linux nice value
    /// (0 = same priority, 19 = lowest; elsewhere any value above 0 means below normal). Requests (starts, status reads)
    /// then get the CPU first while a backlog of orchestrations runs on what they leave. Off by default: a nice value
    /// also yields to every other process on the machine, so on a shared or busy machine the engine would crawl.
    /// </summary>
    [Range(0, 19)]
    public int WorkerNiceness { get; set; }

    /// <summary>
    /// While the host is serving requests (<see cref="ForegroundRequests"/>), the engine waits up to this long for a
    /// quiet moment (none in progress for <see cref="ForegroundRequests.QuietPeriod"/>) before it starts each next
    /// episode or activity, so starts and status reads get the CPU first and a backlog runs on what they leave (at
    /// least one episode and one activity per this interval under requests that never stop). 0 = never wait.
    /// </summary>
    [Range(0, 10_000)]
    public int YieldToRequestsMilliseconds { get; set; } = 50;

    /// <summary>The largest custom status (UTF-8 JSON bytes) an orchestration may set; larger fails it, as Durable does.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxCustomStatusBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Running orchestrations kept in memory between steps, so a step does not replay the whole journal.
    /// 0 replays every step from the journal (slower, same results).
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxCachedOrchestrations { get; set; } = 4096;

    public TimeSpan YieldToRequests => TimeSpan.FromMilliseconds(YieldToRequestsMilliseconds);

    public int EffectiveWorkerThreads => WorkerThreads > 0 ? WorkerThreads : Math.Max(4, 2 * Environment.ProcessorCount);
}
