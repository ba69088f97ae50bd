namespace Khcn.Bench.Server;

/// <summary>How much of the tracing path a benchmark run pays for (bench/telemetry/run.sh).</summary>
public enum BenchTelemetryMode
{
    /// <summary>No listener: the runtime creates no Activity and records no measurement.</summary>
    Off,

    /// <summary>The OpenTelemetry SDK subscribes and batches, but its exporters drop everything.</summary>
    Listen,

    /// <summary>The OpenTelemetry SDK with the OTLP/gRPC exporter: serialization and sending included.</summary>
    Export,
}
