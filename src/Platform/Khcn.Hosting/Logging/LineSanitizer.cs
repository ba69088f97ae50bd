using System.Text;
using System.Text.RegularExpressions;

namespace Khcn.Hosting.Logging;

/// <summary>
/// Cleans a child's output line: a line must not move the cursor, clear the screen or corrupt the next line. The
/// console copy may keep the child's colours; the file copy is plain text.
/// </summary>
internal static partial class LineSanitizer
{
    /// <summary>Plain text: escape sequences and control characters (other than tab) removed.</summary>
    public static string ForFile(string line) => Clean(line, keepColors: false);

    /// <summary>
    /// For a colour console: the child's colour codes (SGR) stay and a reset is appended so they do not bleed into the
    /// next line's prefix; every other escape sequence and control character (other than tab) goes.
    /// </summary>
    public static string ForColorConsole(string line) => Clean(line, keepColors: true);

    private static string Clean(string line, bool keepColors)
    {
        if (!line.Any(char.IsControl))
        {
            return line;
        }

        var clean = new StringBuilder(line.Length);
        var keptColor = false;
        var position = 0;
        foreach (Match escape in EscapeSequence().Matches(line))
        {
            AppendWithoutControlCharacters(clean, line.AsSpan(position, escape.Index - position));
            if (keepColors && escape.Groups["sgr"].Success)
            {
                clean.Append(escape.Value);
                keptColor = true;
            }

            position = escape.Index + escape.Length;
        }

        AppendWithoutControlCharacters(clean, line.AsSpan(position));
        if (keptColor)
        {
            clean.Append(ConsoleStyles.Reset);
        }

        return clean.ToString();
    }

    private static void AppendWithoutControlCharacters(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }
    }

    // SGR (colours), any other CSI sequence, OSC (window titles, hyperlinks) and two-character escapes.
    [GeneratedRegex(@"(?<sgr>\x1B\[[0-9;]*m)|\x1B\[[0-?]*[ -/]*[@-~]|\x1B\][^\x07\x1B]*(?:\x07|\x1B\\)?|\x1B[()][0-9A-Za-z]|\x1B[@-Z\\-_]")]
    private static partial Regex EscapeSequence();
}
