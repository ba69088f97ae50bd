using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Khcn.Redis.Diagnostics;
using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Redis.Tests;

public class TelemetryTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task CommandSpan_FollowsDatabaseConventions_AndNeverCarriesValues()
    {
        var port = fixture.Server.Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RedisTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int p && p == port) spans.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var client = await fixture.ConnectAsync();
        const string secretKey = "user:42:secret-key";
        const string secretValue = "very-private-value";
        await client.SetAsync(secretKey, secretValue);
        await Assert.ThrowsAsync<RedisServerException>(() => client.ExecuteAsync(new RedisCommand("INCR", secretKey)));

        var set = Assert.Single(spans, s => s.OperationName == "SET");
        Assert.Equal(ActivityKind.Client, set.Kind);
        Assert.Equal("redis", set.GetTagItem("db.system.name"));
        Assert.Equal("SET", set.GetTagItem("db.operation.name"));
        Assert.Equal("0", set.GetTagItem("db.namespace"));
        Assert.Equal("127.0.0.1", set.GetTagItem("server.address"));
        var failed = Assert.Single(spans, s => s.OperationName == "INCR");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("ERR", failed.GetTagItem("db.response.status_code"));
        foreach (var span in spans)
        {
            foreach (var tag in span.TagObjects)
            {
                Assert.DoesNotContain("secret", tag.Value?.ToString() ?? "");
                Assert.DoesNotContain("private", tag.Value?.ToString() ?? "");
            }
        }
    }

    [Fact]
    public async Task OperationDuration_IsRecordedPerCommand()
    {
        var port = fixture.Server.Port;
        var measurements = new ConcurrentQueue<(double Seconds, string? Operation)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RedisTelemetry.SourceName && instrument.Name == "db.client.operation.duration") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? operation = null;
            var ours = false;
            foreach (var tag in tags)
            {
                if (tag.Key == "db.operation.name") operation = tag.Value as string;
                if (tag.Key == "server.port" && tag.Value is int p && p == port) ours = true;
            }
            if (ours) measurements.Enqueue((value, operation));
        });
        listener.Start();
        await using var client = await fixture.ConnectAsync();
        await client.PingAsync();
        await client.GetAsync("nothing");
        Assert.Contains(measurements, m => m.Operation == "PING" && m.Seconds >= 0);
        Assert.Contains(measurements, m => m.Operation == "GET");
    }
}
