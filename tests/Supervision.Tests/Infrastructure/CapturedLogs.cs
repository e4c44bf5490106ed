using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Supervision.Tests.Infrastructure;

/// <summary>Every log line the silos and the front of one test system write, to be searched for personal data.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private static readonly ConcurrentDictionary<string, CapturedLogs> ByName = new();
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public static CapturedLogs For(string name) => ByName.GetOrAdd(name, _ => new CapturedLogs());

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
