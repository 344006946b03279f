namespace DurableLessons.Testing.Processes;

/// <summary>
/// The lines a child process writes to stdout and stderr: the most recent ones kept in memory for assertions and error
/// messages, and every one appended to a log file when one is given.
/// </summary>
public sealed class ProcessOutput : IDisposable
{
    private readonly Queue<string> _recent = new();
    private readonly int _capacity;
    private readonly StreamWriter? _log;
    private readonly Lock _lock = new();

    /// <param name="capacity">How many of the latest lines to keep in memory.</param>
    /// <param name="logPath">A file every line is appended to, or null.</param>
    public ProcessOutput(int capacity, string? logPath = null)
    {
        _capacity = capacity;
        _log = logPath is null ? null : new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    /// <summary>The latest lines, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Subscribes to both streams of a process that redirects them; call before <c>Process.Start</c>.</summary>
    public void Capture(System.Diagnostics.Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
    }

    /// <summary>The latest lines as one text for an exception message, or "(no output)".</summary>
    public string Describe()
    {
        var lines = Lines;
        return lines.Count == 0 ? "(no output)" : "Output:" + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _log?.Dispose();
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _recent.Enqueue(line);
            while (_recent.Count > _capacity)
            {
                _recent.Dequeue();
            }

            try
            {
                _log?.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a killed process can arrive after its log was closed.
            }
        }
    }
}
