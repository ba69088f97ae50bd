using Khcn.Hosting.Logging;

namespace Khcn.Hosting.Tests.Processes;

/// <summary>
/// A real <see cref="RunLogs"/> in a temporary folder with one resource log for the child under test; the test reads
/// back what the child printed from the log file (flushed per line) without its timestamps.
/// </summary>
internal sealed class ChildLog : IAsyncDisposable
{
    private const int TimestampLength = 25; // "2026-11-21T21:30:00.123Z "
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("khcn-hosting-process-");
    private readonly RunLogs _logs;

    public ChildLog()
    {
        _logs = new RunLogs(Path.Combine(_directory.FullName, "logs"), TextWriter.Null, color: false);
        Log = _logs.For("child");
    }

    public ResourceLog Log { get; }

    public IReadOnlyList<string> Lines()
    {
        using var stream = new FileStream(Log.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line[TimestampLength..]);
        }

        return lines;
    }

    /// <summary>Waits until the child has printed <paramref name="text"/> (it is then past the setup before it).</summary>
    public Task WaitForLineAsync(string text) => WaitForLineAsync(line => line == text, $"'{text}'");

    /// <summary>Waits for the first line starting with <paramref name="prefix"/> and returns it.</summary>
    public Task<string> WaitForLineStartingWithAsync(string prefix) =>
        WaitForLineAsync(line => line.StartsWith(prefix, StringComparison.Ordinal), $"a line starting with '{prefix}'");

    private async Task<string> WaitForLineAsync(Func<string, bool> isWanted, string description)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (true)
        {
            var lines = Lines();
            if (lines.FirstOrDefault(isWanted) is { } line)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The child never printed {description}. Its log: {string.Join(" | ", lines)}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _logs.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
