using System.Diagnostics.Metrics;
using Khcn.Dashboard.Api;
using Khcn.Dashboard.Tests.Infrastructure;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace Khcn.Dashboard.Tests.Export;

/// <summary>Metrics sent by the official SDK's meter provider and OTLP exporter, flushed by hand.</summary>
public sealed class MetricExportTests
{
    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Histogram_GivesCountSumAndPercentilesFromItsBuckets(OtlpExportProtocol protocol)
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        var meterName = new SourceNames().Orders;
        using var meter = new Meter(meterName);
        var duration = meter.CreateHistogram<double>("checkout.duration", unit: "ms", description: "Time to check out");
        using var provider = OtlpPeer.Meter(dashboard.Host, protocol, "orders", meterName, builder =>
            builder.AddView("checkout.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0, 10, 25, 50, 75, 100, 250] }));

        for (var value = 1; value <= 100; value++)
        {
            duration.Record(value, new KeyValuePair<string, object?>("route", "/checkout"));
        }
        Assert.True(provider.ForceFlush());

        var instrument = Assert.Single(await dashboard.GetJsonAsync<MetricInstrument[]>("/api/metrics?service=orders"));
        Assert.Equal(("checkout.duration", "histogram", "ms", "Time to check out", meterName),
            (instrument.Name, instrument.Type, instrument.Unit, instrument.Description, instrument.Scope));
        var set = await dashboard.GetJsonAsync<MetricSeriesSet>("/api/metrics/series?service=orders&name=checkout.duration");
        var series = Assert.Single(set.Series);
        Assert.Equal("/checkout", series.Attributes["route"]);
        var point = Assert.Single(series.Points);
        Assert.Equal(100, point.Count);
        Assert.Equal(5050, point.Sum);
        Assert.Equal(50.5, point.Value, 9);
        // 1..100 fill the buckets evenly, so interpolation gives the exact percentiles.
        Assert.Equal(50, point.P50!.Value, 6);
        Assert.Equal(90, point.P90!.Value, 6);
        Assert.Equal(99, point.P99!.Value, 6);
    }

    [Fact]
    public async Task CumulativeCounter_KeepsOneSeriesPerAttributeSet_AndAPointPerExport()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        var meterName = new SourceNames().Orders;
        using var meter = new Meter(meterName);
        var placed = meter.CreateCounter<long>("orders.placed");
        using var provider = OtlpPeer.Meter(dashboard.Host, OtlpExportProtocol.Grpc, "orders", meterName);

        placed.Add(2, new KeyValuePair<string, object?>("region", "north"));
        placed.Add(1, new KeyValuePair<string, object?>("region", "south"));
        Assert.True(provider.ForceFlush());
        placed.Add(3, new KeyValuePair<string, object?>("region", "north"));
        Assert.True(provider.ForceFlush());

        var set = await dashboard.GetJsonAsync<MetricSeriesSet>("/api/metrics/series?service=orders&name=orders.placed");
        Assert.Equal("sum", set.Type);
        Assert.Equal([2.0, 5.0], set.Series.Single(series => series.Attributes["region"] == "north").Points.Select(point => point.Value));
        Assert.Equal([1.0, 1.0], set.Series.Single(series => series.Attributes["region"] == "south").Points.Select(point => point.Value));
    }
}
