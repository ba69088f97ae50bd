using Khcn.Dashboard.Store;
using OpenTelemetry.Proto.Logs.V1;
using static Khcn.Dashboard.Tests.Infrastructure.OtlpRequests;

namespace Khcn.Dashboard.Tests.Store;

public sealed class TelemetryStoreLogTests
{
    [Fact]
    public void PastMaxLogs_TheOldestRecordsAreOverwritten_AndSequencesKeepRising()
    {
        var store = new TelemetryStore(new StoreLimits { MaxLogs = 3 });

        for (var i = 1; i <= 5; i++)
        {
            store.Add(Logs("a", Log($"message {i}")));
        }

        var logs = store.Logs(new LogFilter());
        Assert.Equal(["message 5", "message 4", "message 3"], logs.Select(log => log.Message));
        Assert.Equal([5L, 4L, 3L], logs.Select(log => log.Sequence));
    }

    [Fact]
    public void After_ReturnsOnlyRecordsWithAHigherSequence()
    {
        var store = new TelemetryStore(new StoreLimits());
        store.Add(Logs("a", Log("one"), Log("two"), Log("three")));

        Assert.Equal(["three"], store.Logs(new LogFilter(After: 2)).Select(log => log.Message));
        Assert.Empty(store.Logs(new LogFilter(After: 3)));
    }

    [Theory]
    [InlineData(SeverityNumber.Trace, "Trace")]
    [InlineData(SeverityNumber.Trace4, "Trace")]
    [InlineData(SeverityNumber.Debug, "Debug")]
    [InlineData(SeverityNumber.Info2, "Information")]
    [InlineData(SeverityNumber.Warn, "Warning")]
    [InlineData(SeverityNumber.Error4, "Error")]
    [InlineData(SeverityNumber.Fatal, "Critical")]
    [InlineData(SeverityNumber.Unspecified, "Information")]
    public void SeverityNumber_MapsToItsLevelByGroupsOfFour(SeverityNumber severity, string level)
    {
        var store = new TelemetryStore(new StoreLimits());

        store.Add(Logs("a", Log("m", severity)));

        Assert.Equal(level, Assert.Single(store.Logs(new LogFilter())).Level);
    }

    [Fact]
    public void MinimumLevel_KeepsThatLevelAndAbove()
    {
        var store = new TelemetryStore(new StoreLimits());
        store.Add(Logs("a", Log("debug", SeverityNumber.Debug), Log("warn", SeverityNumber.Warn), Log("fatal", SeverityNumber.Fatal)));

        Assert.Equal(["fatal", "warn"], store.Logs(new LogFilter(MinimumLevel: "Warning")).Select(log => log.Message));
    }

    [Fact]
    public void RecordWithoutTime_IsShownAtItsObservedTime()
    {
        var store = new TelemetryStore(new StoreLimits());
        var record = Log("late");
        record.TimeUnixNano = 0;
        record.ObservedTimeUnixNano = Nanos(1_000);

        store.Add(Logs("a", record));

        Assert.Equal(Epoch.AddSeconds(1), Assert.Single(store.Logs(new LogFilter())).Timestamp);
    }
}
