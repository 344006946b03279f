using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DurableLessons.Testing.Logging;

/// <summary>
/// A logger provider that keeps every entry at or above <paramref name="minimum"/> (message, structured values, scopes,
/// exception) for assertions, and writes warnings and worse to the test's output, when given one, to explain a failure.
/// </summary>
public sealed class CapturedLogs(ITestOutputHelper? output = null, LogLevel minimum = LogLevel.Trace) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The warnings, each as its message followed by its exception.</summary>
    public IEnumerable<string> Warnings => Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.MessageWithException);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        if (output is null || entry.Level < LogLevel.Warning)
        {
            return;
        }

        try
        {
            output.WriteLine($"[{entry.Level}] {entry.Category}: {entry.Message}{(entry.Exception is null ? string.Empty : Environment.NewLine + entry.Exception)}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished.
        }
    }

    private sealed class CapturingLogger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= owner.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (name, value) in pairs)
                {
                    values[name] = value?.ToString();
                }
            }

            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopes);
            owner.Add(new LogEntry(category, logLevel, formatter(state, exception), values, scopes, exception));
        }
    }

    private LogLevel Minimum => minimum;
}
