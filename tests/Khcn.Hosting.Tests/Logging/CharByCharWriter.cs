using System.Text;

namespace Khcn.Hosting.Tests.Logging;

/// <summary>
/// A console stand-in that takes text one character at a time and is not thread-safe, so two unserialised writers
/// would visibly mix their characters: whole lines on it prove the writes were serialised.
/// </summary>
internal sealed class CharByCharWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        _text.Append(value);
        if (_text.Length % 16 == 0)
        {
            Thread.Yield(); // gives another thread the chance to cut in, were there no lock
        }
    }

    public IReadOnlyList<string> Lines() => _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
