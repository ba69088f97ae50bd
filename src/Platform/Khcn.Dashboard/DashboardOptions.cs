namespace Khcn.Dashboard;

/// <summary>Where the dashboard listens. Port 0 takes a free port.</summary>
public sealed record DashboardOptions
{
    /// <summary>The address both listeners bind to: loopback, so only this machine sees the telemetry.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The page, its JSON API and OTLP/HTTP (HTTP/1.1): POST /v1/traces, /v1/metrics, /v1/logs.</summary>
    public int BrowserPort { get; init; }

    /// <summary>OTLP/gRPC (HTTP/2 cleartext): the collector's trace, metrics and logs services.</summary>
    public int OtlpGrpcPort { get; init; }

    /// <summary>How much the in-memory store keeps before it drops the oldest.</summary>
    public StoreLimits Limits { get; init; } = new();
}

/// <summary>The store's bounds: telemetry of a long run must not grow the AppHost without end.</summary>
public sealed record StoreLimits
{
    public int MaxTraces { get; init; } = 2_000;

    public int MaxSpansPerTrace { get; init; } = 2_000;

    public int MaxLogs { get; init; } = 20_000;

    public int MaxPointsPerSeries { get; init; } = 360;
}
