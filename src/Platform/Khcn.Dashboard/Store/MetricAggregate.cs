using Khcn.Dashboard.Api;

namespace Khcn.Dashboard.Store;

/// <summary>
/// One instrument of one service: its description and its points, one series per attribute set, each keeping at most
/// the last <c>maxPointsPerSeries</c> points. Not thread-safe: <see cref="MetricTable"/> guards it.
/// </summary>
internal sealed class MetricAggregate(string service, string name, int maxPointsPerSeries)
{
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);

    public string Scope { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Unit { get; private set; } = "";

    public string Type { get; private set; } = "";

    /// <summary>Updates the instrument's description: a later export wins.</summary>
    public void Describe(string scope, string description, string unit, string type)
    {
        Scope = scope;
        Description = description;
        Unit = unit;
        Type = type;
    }

    public void Add(IReadOnlyDictionary<string, string> attributes, MetricPoint point)
    {
        var key = SeriesKey(attributes);
        if (!_series.TryGetValue(key, out var series))
        {
            series = new Series(attributes);
            _series.Add(key, series);
        }
        series.Points.Enqueue(point);
        while (series.Points.Count > maxPointsPerSeries)
        {
            series.Points.Dequeue();
        }
    }

    public MetricInstrument Instrument() => new(service, Scope, name, Description, Unit, Type);

    public MetricSeriesSet SeriesSet() => new(
        service,
        name,
        Unit,
        Type,
        [.. _series.Values.Select(series => new MetricSeries(series.Attributes, [.. series.Points]))]);

    // The same attribute set, in any order, is the same series.
    private static string SeriesKey(IReadOnlyDictionary<string, string> attributes) =>
        string.Join('\u001f', attributes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}\u001e{pair.Value}"));

    private sealed record Series(IReadOnlyDictionary<string, string> Attributes)
    {
        public Queue<MetricPoint> Points { get; } = new();
    }
}
