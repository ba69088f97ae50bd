namespace Khcn.Hosting.Logging;

/// <summary>
/// The console side of a run's logs: one lock around every write, so lines of different resources never interleave,
/// and <c>[name]</c> prefixes padded to the longest name seen so far, so the text columns line up.
/// </summary>
internal sealed class LogConsole(TextWriter writer, bool color)
{
    private readonly Lock _gate = new();
    private int _nameWidth;

    public bool Color => color;

    /// <summary>Makes room for <paramref name="name"/> in the prefix column.</summary>
    public void Reserve(string name)
    {
        lock (_gate)
        {
            _nameWidth = Math.Max(_nameWidth, name.Length);
        }
    }

    /// <summary>Writes <c>[name] text</c>; <paramref name="style"/> (an SGR code) colours the prefix when colour is on.</summary>
    public void WriteLine(string name, string style, string text)
    {
        lock (_gate)
        {
            var prefix = color ? $"{style}[{name}]{ConsoleStyles.Reset}" : $"[{name}]";
            var padding = new string(' ', Math.Max(0, _nameWidth - name.Length) + 1);
            try
            {
                writer.Write(string.Concat(prefix, padding, text, writer.NewLine));
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A closed terminal or pipe must not stop the children's output readers; the files still get every line.
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            try
            {
                writer.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // As above: nothing left to flush to.
            }
        }
    }
}
