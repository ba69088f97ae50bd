using System.Collections.Concurrent;
using System.Diagnostics;

namespace Khcn.Caching.Invalidation;

/// <summary>
/// Remembers when each key was last invalidated, so a cache fill that started before the invalidation
/// (and may have read the database before the write) does not store its now-stale result.
/// </summary>
internal sealed class RecentInvalidations
{
    private const int PruneThreshold = 10_000;
    private static readonly long RetentionTicks = Stopwatch.Frequency * 60;
    private readonly ConcurrentDictionary<string, long> _lastInvalidated = new(StringComparer.Ordinal);

    public void Record(string key)
    {
        _lastInvalidated[key] = Stopwatch.GetTimestamp();
        if (_lastInvalidated.Count > PruneThreshold)
        {
            Prune();
        }
    }

    /// <summary>True when <paramref name="key"/> was invalidated at or after <paramref name="sinceTimestamp"/>.</summary>
    public bool InvalidatedSince(string key, long sinceTimestamp) =>
        _lastInvalidated.TryGetValue(key, out var at) && at >= sinceTimestamp;

    private void Prune()
    {
        // Fills last milliseconds to seconds; a minute-old invalidation cannot concern any of them.
        var cutoff = Stopwatch.GetTimestamp() - RetentionTicks;
        foreach (var (key, at) in _lastInvalidated)
        {
            if (at < cutoff) _lastInvalidated.TryRemove(new KeyValuePair<string, long>(key, at));
        }
    }
}
