using System.Globalization;
using System.Text;

namespace Khcn.Hosting.Logging;

/// <summary>
/// The log of one resource (or of the AppHost itself): each line goes to the console behind a coloured
/// <c>[name]</c> prefix and to <c>logs/name.log</c> under the run directory. Thread-safe.
/// </summary>
internal sealed class ResourceLog
{
    private readonly LogConsole _console;
    private readonly string _style;
    private readonly Lock _fileGate = new();
    private StreamWriter? _file;

    /// <summary>Created by <see cref="RunLogs.For"/>; opens (appends to) <paramref name="filePath"/>.</summary>
    internal ResourceLog(string name, string style, string filePath, LogConsole console)
    {
        Name = name;
        _style = style;
        _console = console;
        // Flushed per line: when the AppHost or the machine dies, the file already has everything the console showed.
        _file = new StreamWriter(new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false))
        {
            AutoFlush = true,
        };
        FilePath = filePath;
    }

    public string Name { get; }

    /// <summary>The <c>name.log</c> file.</summary>
    public string FilePath { get; }

    /// <summary>The last lines, for the dashboard.</summary>
    public RecentLines Recent { get; } = new();

    public void WriteLine(string line)
    {
        var timestamp = DateTimeOffset.UtcNow;
        var plain = LineSanitizer.ForFile(line);
        Recent.Add(timestamp, plain);
        // Without colour the console copy is the file copy: the line is cleaned once.
        _console.WriteLine(Name, _style, _console.Color ? LineSanitizer.ForColorConsole(line) : plain);
        WriteToFile($"{timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} {plain}");
    }

    /// <summary>Closes the file; later lines reach the console only.</summary>
    internal void CloseFile()
    {
        lock (_fileGate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private void WriteToFile(string text)
    {
        lock (_fileGate)
        {
            try
            {
                _file?.WriteLine(text);
            }
            catch (IOException)
            {
                // A full disk must not stop the output readers (a blocked pipe would stall the child itself).
            }
        }
    }
}
