using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConsortiumGraph.Plugins.Testing;

/// <summary>
/// The errors the server logged (an unresolved field's exception, a plugin's failure), kept so that a test that sees
/// "The error was logged" is shown what was logged: the server never puts an exception in a response.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(long Number, string Text)> _errors = new();
    private long _count;

    /// <summary>How many errors were logged so far; pass to <see cref="Since"/>.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The errors logged after the first <paramref name="count"/> (of the latest hundred), each with its exception.</summary>
    public IReadOnlyList<string> Since(long count) => [.. _errors.Where(e => e.Number >= count).Select(e => e.Text)];

    ILogger ILoggerProvider.CreateLogger(string categoryName) => new Logger(this, categoryName);

    void IDisposable.Dispose() { }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // A bounded record: a long test run logs what it logs, and the kit keeps the latest hundred.
            if (!IsEnabled(logLevel)) return;
            log._errors.Enqueue((Interlocked.Increment(ref log._count) - 1, $"{category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}"));
            while (log._errors.Count > 100) log._errors.TryDequeue(out _);
        }
    }
}
