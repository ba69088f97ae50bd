using Khcn.Dashboard.Api;
using OpenTelemetry.Proto.Metrics.V1;

namespace Khcn.Dashboard.Store;

/// <summary>
/// The points of an OTLP metric: sums and gauges give their value per export, histograms their count, sum, mean and
/// estimated percentiles. Exponential histograms and summaries (the .NET SDK sends neither by default) are skipped.
/// </summary>
internal static class MetricMapping
{
    public static string? Type(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Sum => "sum",
        Metric.DataOneofCase.Gauge => "gauge",
        Metric.DataOneofCase.Histogram => "histogram",
        _ => null,
    };

    public static IEnumerable<(IReadOnlyDictionary<string, string> Attributes, MetricPoint Point)> Points(Metric metric) =>
        metric.DataCase switch
        {
            Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Where(HasValue).Select(NumberPoint),
            Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Where(HasValue).Select(NumberPoint),
            Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Where(HasValue).Select(HistogramPoint),
            _ => [],
        };

    private static bool HasValue(NumberDataPoint point) => (point.Flags & (uint)DataPointFlags.NoRecordedValueMask) == 0;

    private static bool HasValue(HistogramDataPoint point) => (point.Flags & (uint)DataPointFlags.NoRecordedValueMask) == 0;

    private static (IReadOnlyDictionary<string, string>, MetricPoint) NumberPoint(NumberDataPoint point)
    {
        var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;
        return (OtlpValues.Attributes(point.Attributes), new MetricPoint(OtlpValues.Time(point.TimeUnixNano), value, null, null, null, null, null));
    }

    private static (IReadOnlyDictionary<string, string>, MetricPoint) HistogramPoint(HistogramDataPoint point)
    {
        double? sum = point.HasSum ? point.Sum : null;
        double? min = point.HasMin ? point.Min : null;
        double? max = point.HasMax ? point.Max : null;
        var mean = point.Count > 0 && sum is { } total ? total / point.Count : 0;
        var bounds = point.ExplicitBounds;
        var counts = point.BucketCounts;
        var metricPoint = new MetricPoint(
            OtlpValues.Time(point.TimeUnixNano),
            mean,
            (long)point.Count,
            sum,
            HistogramPercentiles.Estimate(bounds, counts, 0.50, min, max),
            HistogramPercentiles.Estimate(bounds, counts, 0.90, min, max),
            HistogramPercentiles.Estimate(bounds, counts, 0.99, min, max));
        return (OtlpValues.Attributes(point.Attributes), metricPoint);
    }
}
