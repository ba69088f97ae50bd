namespace Khcn.Hosting.Logging;

/// <summary>
/// The logs of one AppHost run: hands out a <see cref="ResourceLog"/> per resource with its own console colour,
/// serialises console writes so lines of different resources never interleave, and flushes the files on dispose.
/// </summary>
internal sealed class RunLogs : IAsyncDisposable
{
    public const string AppHostName = "apphost";

    // Aspire's resource names are case-insensitive; so are the log file names on some file systems.
    private readonly Dictionary<string, ResourceLog> _logs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly LogConsole _console;
    private int _resourceCount;
    private bool _disposed;

    /// <param name="logDirectory">Where <c>name.log</c> files go (created if missing).</param>
    /// <param name="console">The console (or a test's writer).</param>
    /// <param name="color">Whether to colour the prefixes (off when output is redirected or NO_COLOR is set).</param>
    public RunLogs(string logDirectory, TextWriter console, bool color)
    {
        Directory = System.IO.Directory.CreateDirectory(logDirectory).FullName;
        _console = new LogConsole(console, color);
        AppHost = Add(AppHostName, ConsoleStyles.AppHost);
    }

    public string Directory { get; }

    /// <summary>The AppHost's own log, prefixed <c>[apphost]</c>.</summary>
    public ResourceLog AppHost { get; }

    /// <summary>The log of <paramref name="resourceName"/>: the same instance for the same name.</summary>
    public ResourceLog For(string resourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceName);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _logs.TryGetValue(resourceName, out var log)
                ? log
                : Add(resourceName, ConsoleStyles.ForResource(_resourceCount++));
        }
    }

    /// <summary>The log of <paramref name="resourceName"/> if it has one yet (the AppHost's own is <c>apphost</c>).</summary>
    public ResourceLog? Find(string resourceName)
    {
        lock (_gate)
        {
            return _logs.GetValueOrDefault(resourceName);
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            foreach (var log in _logs.Values)
            {
                log.CloseFile();
            }
        }

        _console.Flush();
        return ValueTask.CompletedTask;
    }

    private ResourceLog Add(string name, string style)
    {
        var log = new ResourceLog(name, style, Path.Combine(Directory, FileNameFor(name)), _console);
        _logs.Add(name, log);
        _console.Reserve(name);
        return log;
    }

    private static string FileNameFor(string name)
    {
        var safe = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return safe + ".log";
    }
}
