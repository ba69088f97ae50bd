using Khcn.Dashboard.Api;

namespace Khcn.Dashboard.Store;

/// <summary>The instruments of every service, by service and instrument name.</summary>
internal sealed class MetricTable(StoreLimits limits)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Service, string Name), MetricAggregate> _instruments = [];

    /// <summary>Runs <paramref name="update"/> on the instrument, created on first use, under the table's lock.</summary>
    public void Update(string service, string name, Action<MetricAggregate> update)
    {
        lock (_lock)
        {
            if (!_instruments.TryGetValue((service, name), out var aggregate))
            {
                aggregate = new MetricAggregate(service, name, limits.MaxPointsPerSeries);
                _instruments.Add((service, name), aggregate);
            }
            update(aggregate);
        }
    }

    /// <summary>Ordered by service, then name.</summary>
    public IReadOnlyList<MetricInstrument> Instruments(string? service)
    {
        lock (_lock)
        {
            return _instruments
                .Where(entry => string.IsNullOrEmpty(service) || entry.Key.Service == service)
                .Select(entry => entry.Value.Instrument())
                .OrderBy(instrument => instrument.Service, StringComparer.Ordinal)
                .ThenBy(instrument => instrument.Name, StringComparer.Ordinal)
                .ToList();
        }
    }

    public MetricSeriesSet? SeriesSet(string service, string name)
    {
        lock (_lock)
        {
            return _instruments.TryGetValue((service, name), out var aggregate) ? aggregate.SeriesSet() : null;
        }
    }
}
