using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>How the standard OTEL_* settings decide what is exported and who it is from.</summary>
public sealed class TelemetryConfigurationTests
{
    [Fact]
    public void NoEndpoint_ExportsNothing()
    {
        Assert.False(OtlpSignals.From(Configuration()).Any);
    }

    [Fact]
    public void CommonEndpoint_ExportsEverySignal()
    {
        Assert.Equal(new OtlpSignals(true, true, true), OtlpSignals.From(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"))));
    }

    [Fact]
    public void SignalEndpoint_ExportsOnlyThatSignal()
    {
        Assert.Equal(new OtlpSignals(Traces: true, Metrics: false, Logs: false),
            OtlpSignals.From(Configuration(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"))));
    }

    [Fact]
    public void ExporterNone_TurnsThatSignalOff()
    {
        var signals = OtlpSignals.From(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("OTEL_LOGS_EXPORTER", "none")));

        Assert.Equal(new OtlpSignals(Traces: true, Metrics: true, Logs: false), signals);
    }

    [Fact]
    public void ResourceAttributes_AreSplitTrimmedAndPercentDecoded()
    {
        var attributes = TelemetryIdentity.ParseResourceAttributes(" service.instance.id = abc-1 ,team=Khoa%20h%E1%BB%8Dc,broken");

        Assert.Equal("abc-1", attributes["service.instance.id"]);
        Assert.Equal("Khoa học", attributes["team"]);
        Assert.Equal(2, attributes.Count);
    }

    [Fact]
    public void ServiceName_FromOtelServiceName_WinsOverResourceAttributes()
    {
        var identity = TelemetryIdentity.From(
            Configuration(("OTEL_SERVICE_NAME", "provinces"), ("OTEL_RESOURCE_ATTRIBUTES", "service.name=other,service.instance.id=provinces-1")),
            new HostingEnvironment { ApplicationName = "Khcn.Provinces" });

        Assert.Equal("provinces", identity.ServiceName);
        Assert.Equal("provinces-1", identity.ServiceInstanceId);
    }

    [Fact]
    public void WithoutSettings_ServiceIsNamedAfterTheApplicationWithAFreshInstanceId()
    {
        var environment = new HostingEnvironment { ApplicationName = "Khcn.Provinces" };

        var first = TelemetryIdentity.From(Configuration(), environment);
        var second = TelemetryIdentity.From(Configuration(), environment);

        Assert.Equal("Khcn.Provinces", first.ServiceName);
        Assert.True(Guid.TryParse(first.ServiceInstanceId, out _));
        Assert.NotEqual(first.ServiceInstanceId, second.ServiceInstanceId);
    }

    [Fact]
    public void MetricExportInterval_HonoursTheVariableAndDefaultsShort()
    {
        Assert.Equal(1500, TelemetryProviders.MetricExportInterval(Configuration(("OTEL_METRIC_EXPORT_INTERVAL", "1500"))));
        Assert.Equal(TelemetryProviders.DefaultMetricExportIntervalMilliseconds, TelemetryProviders.MetricExportInterval(Configuration(("OTEL_METRIC_EXPORT_INTERVAL", "soon"))));
        Assert.Equal(TelemetryProviders.DefaultMetricExportIntervalMilliseconds, TelemetryProviders.MetricExportInterval(Configuration()));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
