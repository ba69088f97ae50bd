using Khcn.Dashboard.Store;
using OpenTelemetry.Proto.Metrics.V1;
using static Khcn.Dashboard.Tests.Infrastructure.OtlpRequests;

namespace Khcn.Dashboard.Tests.Store;

public sealed class TelemetryStoreMetricTests
{
    [Fact]
    public void PastMaxPointsPerSeries_TheOldestPointsGo()
    {
        var store = new TelemetryStore(new StoreLimits { MaxPointsPerSeries = 2 });

        for (var i = 1; i <= 4; i++)
        {
            store.Add(Metrics("a", Gauge("queue.length", i, timeMs: i)));
        }

        var series = Assert.Single(store.Series("a", "queue.length")!.Series);
        Assert.Equal([3.0, 4.0], series.Points.Select(point => point.Value));
    }

    [Fact]
    public void EachAttributeSet_IsItsOwnSeries_WhateverTheAttributeOrder()
    {
        var store = new TelemetryStore(new StoreLimits());

        store.Add(Metrics("a", Gauge("load", 1, 0, ("host", "x"), ("zone", "1"))));
        store.Add(Metrics("a", Gauge("load", 2, 1, ("zone", "1"), ("host", "x"))));
        store.Add(Metrics("a", Gauge("load", 3, 2, ("host", "y"), ("zone", "1"))));

        var set = store.Series("a", "load")!;
        Assert.Equal("gauge", set.Type);
        Assert.Equal(2, set.Series.Count);
        Assert.Equal([1.0, 2.0], set.Series.Single(series => series.Attributes["host"] == "x").Points.Select(point => point.Value));
    }

    [Fact]
    public void Histogram_GivesCountSumMeanAndPercentiles()
    {
        var store = new TelemetryStore(new StoreLimits());
        var point = new HistogramDataPoint { Count = 20, Sum = 110, TimeUnixNano = Nanos(0), ExplicitBounds = { 0, 5, 10 }, BucketCounts = { 0, 10, 10, 0 } };

        store.Add(Metrics("a", new Metric { Name = "latency", Unit = "ms", Histogram = new Histogram { DataPoints = { point } } }));

        var stored = Assert.Single(Assert.Single(store.Series("a", "latency")!.Series).Points);
        Assert.Equal((20L, 110.0, 5.5), (stored.Count, stored.Sum, stored.Value));
        Assert.Equal(5, stored.P50!.Value, 9);
        Assert.Equal(9, stored.P90!.Value, 9);
        Assert.Equal(9.9, stored.P99!.Value, 9);
    }

    [Fact]
    public void Instruments_AreListedPerService()
    {
        var store = new TelemetryStore(new StoreLimits());
        store.Add(Metrics("b", Gauge("load", 1, 0)));
        store.Add(Metrics("a", Gauge("load", 1, 0), Gauge("queue", 1, 0)));

        Assert.Equal([("a", "load"), ("a", "queue"), ("b", "load")], store.Instruments().Select(instrument => (instrument.Service, instrument.Name)));
        Assert.Equal(["load"], store.Instruments("b").Select(instrument => instrument.Name));
        Assert.Null(store.Series("b", "queue"));
    }
}
