using Khcn.Dashboard.Api;

namespace Khcn.Dashboard.Store;

/// <summary>
/// The log records, a ring buffer: past its capacity each new record overwrites the oldest. Every record gets the
/// next sequence number (from 1), so readers can ask for what came after the last one they saw.
/// </summary>
internal sealed class LogBuffer(int capacity)
{
    private readonly Lock _lock = new();
    private readonly StoredLog?[] _ring = new StoredLog?[Math.Max(1, capacity)];
    private int _next;
    private int _count;
    private long _lastSequence;

    /// <summary>Stores the record built by <paramref name="create"/> from its sequence number.</summary>
    public void Add(Func<long, StoredLog> create)
    {
        lock (_lock)
        {
            _ring[_next] = create(++_lastSequence);
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<LogView> Query(LogFilter filter)
    {
        var minimumRank = string.IsNullOrEmpty(filter.MinimumLevel) ? 0 : LogLevels.RankOfName(filter.MinimumLevel) ?? 0;
        var traceId = filter.TraceId?.ToLowerInvariant();
        var result = new List<LogView>();
        lock (_lock)
        {
            for (var i = 1; i <= _count && result.Count < filter.Limit; i++)
            {
                var log = _ring[(_next - i + _ring.Length) % _ring.Length]!;
                if (log.View.Sequence <= filter.After)
                {
                    break;
                }
                if (Matches(log, filter, minimumRank, traceId))
                {
                    result.Add(log.View);
                }
            }
        }
        return result;
    }

    private static bool Matches(StoredLog log, LogFilter filter, int minimumRank, string? traceId) =>
        log.LevelRank >= minimumRank
        && (string.IsNullOrEmpty(filter.Service) || log.View.Service == filter.Service)
        && (string.IsNullOrEmpty(traceId) || log.View.TraceId == traceId)
        && (string.IsNullOrEmpty(filter.Search) || log.View.Message.Contains(filter.Search, StringComparison.OrdinalIgnoreCase));
}
