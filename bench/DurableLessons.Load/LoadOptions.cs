using System.Globalization;

namespace DurableLessons.Load;

internal enum LoadMode
{
    /// <summary>Closed-loop clients against a zero-latency model for a fixed duration.</summary>
    Fast,

    /// <summary>A fixed number of lessons started as fast as possible against a slow model, all in flight at once.</summary>
    InFlight,
}

/// <summary>The command line of one load run, with the defaults of each mode.</summary>
internal sealed record LoadOptions(
    LoadMode Mode,
    int Clients,
    TimeSpan Duration,
    int Lessons,
    TimeSpan StepLatencyMin,
    TimeSpan StepLatencyMax,
    bool Stream,
    int HistorySample,
    int MaxConcurrentOrchestrations,
    int MaxConcurrentActivities,
    IReadOnlyList<KeyValuePair<string, string>> HostEnvironment)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/DurableLessons.Load -- [options]
          --mode fast|inflight     fast (default): N closed-loop clients, zero-latency model, fixed duration;
                                   inflight: start --lessons lessons at once against a slow model, wait for all
          --clients N              fast: concurrent clients (default 100); inflight: concurrent starters (default 50)
          --duration 60s           fast: how long clients keep starting lessons (default 60s)
          --lessons 1000           inflight: lessons to start (default 1000)
          --step-latency 2-8s      model latency per call, uniform in the range (fast: 0, inflight: 2-8s)
          --stream                 follow runs with the SSE stream instead of polling the status URL
          --history-sample 100     completed lessons whose history is read for the engine-overhead figure
          --max-orchestrations N   host Engine:MaxConcurrentOrchestrations (fast: 8, inflight: 32)
          --max-activities N       host Engine:MaxConcurrentActivities (fast: 32, inflight: 128)
          --host-env NAME=VALUE    environment variable for the host process (repeatable), e.g. DOTNET_gcServer=0
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var mode = LoadMode.Fast;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = new List<KeyValuePair<string, string>>();
        var stream = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--stream":
                    stream = true;
                    continue;
                case "--mode":
                    mode = ValueOf(args, ref i) switch
                    {
                        "fast" => LoadMode.Fast,
                        "inflight" => LoadMode.InFlight,
                        var other => throw new ArgumentException($"Unknown mode '{other}'; use fast or inflight."),
                    };
                    continue;
                case "--host-env":
                    var pair = ValueOf(args, ref i);
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new ArgumentException($"--host-env needs NAME=VALUE, got '{pair}'.");
                    }

                    environment.Add(new(pair[..equals], pair[(equals + 1)..]));
                    continue;
                case "--clients" or "--duration" or "--lessons" or "--step-latency" or "--history-sample" or "--max-orchestrations" or "--max-activities":
                    values[name] = ValueOf(args, ref i);
                    continue;
                default:
                    throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        var fast = mode == LoadMode.Fast;
        var (latencyMin, latencyMax) = values.TryGetValue("--step-latency", out var latency)
            ? ParseRange(latency)
            : fast ? (TimeSpan.Zero, TimeSpan.Zero) : (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8));
        return new LoadOptions(
            mode,
            Positive(values, "--clients", fast ? 100 : 50),
            values.TryGetValue("--duration", out var duration) ? ParseDuration(duration) : TimeSpan.FromSeconds(60),
            Positive(values, "--lessons", 1000),
            latencyMin,
            latencyMax,
            stream,
            Positive(values, "--history-sample", 100),
            Positive(values, "--max-orchestrations", fast ? 8 : 32),
            Positive(values, "--max-activities", fast ? 32 : 128),
            environment);
    }

    /// <summary>"2-8s", "500-1500ms", "0" or "3s" (a single value is a fixed latency).</summary>
    public static (TimeSpan Min, TimeSpan Max) ParseRange(string text)
    {
        var unit = text.EndsWith("ms", StringComparison.Ordinal) ? "ms" : text.EndsWith('s') ? "s" : string.Empty;
        var numbers = text[..^unit.Length].Split('-', 2);
        var min = ParseDuration(numbers[0] + unit);
        var max = numbers.Length == 2 ? ParseDuration(numbers[1] + unit) : min;
        if (max < min)
        {
            throw new ArgumentException($"Latency range '{text}' ends before it starts.");
        }

        return (min, max);
    }

    /// <summary>"60s", "2m", "1500ms" or a bare number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new ArgumentException($"'{text}' is not a duration such as 60s, 2m or 1500ms.");
        }

        return TimeSpan.FromSeconds(value * scale);
    }

    public string Describe() => Mode == LoadMode.Fast
        ? $"fast, {Clients} clients, {Duration.TotalSeconds:0} s, model latency {LatencyText}, {(Stream ? "SSE stream" : "status polling")}"
        : $"inflight, {Lessons} lessons, {Clients} starters, model latency {LatencyText} per call, {(Stream ? "SSE stream" : "status polling")}";

    public string LatencyText => StepLatencyMax == TimeSpan.Zero
        ? "0"
        : $"{StepLatencyMin.TotalSeconds:0.###}-{StepLatencyMax.TotalSeconds:0.###} s";

    private static string ValueOf(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int Positive(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, got '{text}'.");
    }
}
