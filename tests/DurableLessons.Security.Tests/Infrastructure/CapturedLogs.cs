using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Security.Tests.Infrastructure;

/// <summary>
/// Every log entry the host writes, at every level: the formatted message, each structured value, the exception
/// (with its inner exceptions and stack) and the active scopes, as one line of text per entry.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new StringBuilder()
                .Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (name, value) in values)
                {
                    entry.Append(" | ").Append(name).Append('=').Append(value);
                }
            }

            owner._scopes.ForEachScope((scope, text) => text.Append(" | scope ").Append(scope), entry);
            if (exception is not null)
            {
                entry.Append(" | exception ").Append(exception);
            }

            owner._entries.Enqueue(entry.ToString());
        }
    }
}
