using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Logging;

public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Keeps every entry the server logs, at every level, so a test can ask how a call's end was logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>Entries of <paramref name="category"/> naming <paramref name="text"/>, once at least <paramref name="count"/> exist (or the time is up).</summary>
    public async Task<IReadOnlyList<CapturedLogEntry>> WaitForAsync(string category, string text, int count, TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (true)
        {
            var matching = Entries.Where(entry => entry.Category == category && entry.Message.Contains(text, StringComparison.Ordinal)).ToList();
            if (matching.Count >= count || expiry.IsCancellationRequested)
            {
                return matching;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => entries.Enqueue(new CapturedLogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
