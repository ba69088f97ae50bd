using Khcn.Dashboard.Resources;

namespace Khcn.Hosting.Logging;

/// <summary>
/// The last lines of one resource's console, numbered from 1, for the dashboard's console view: a bounded ring, so a
/// chatty resource over a long run costs a fixed amount of memory. Thread-safe.
/// </summary>
internal sealed class RecentLines(int capacity = RecentLines.DefaultCapacity)
{
    public const int DefaultCapacity = 2_000;

    private readonly ConsoleLine[] _ring = new ConsoleLine[capacity];
    private readonly Lock _gate = new();
    private long _count;

    public void Add(DateTimeOffset timestamp, string text)
    {
        lock (_gate)
        {
            _count++;
            _ring[(_count - 1) % _ring.Length] = new ConsoleLine(_count, timestamp, text);
        }
    }

    /// <summary>The kept lines numbered above <paramref name="afterSequence"/>, oldest first.</summary>
    public IReadOnlyList<ConsoleLine> After(long afterSequence)
    {
        lock (_gate)
        {
            var first = Math.Max(Math.Max(afterSequence, 0) + 1, _count - _ring.Length + 1);
            var lines = new List<ConsoleLine>((int)Math.Max(0, _count - first + 1));
            for (var sequence = first; sequence <= _count; sequence++)
            {
                lines.Add(_ring[(sequence - 1) % _ring.Length]);
            }

            return lines;
        }
    }
}
