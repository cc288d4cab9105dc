using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kinerja.Tests.Mail;

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception = null);

/// <summary>Keeps every log entry written through it, to check what was reported.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Entries of <paramref name="level"/> that mention <paramref name="text"/>.</summary>
    public List<LogEntry> With(LogLevel level, string text) =>
        Entries.Where(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal)).ToList();

    public async Task<LogEntry> WaitForAsync(LogLevel level, string text, double seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (With(level, text).FirstOrDefault() is { } e) return e;
            if (DateTime.UtcNow > until) throw new TimeoutException($"no {level} log mentioning {text} within {seconds} s");
            await Task.Delay(50);
        }
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}
