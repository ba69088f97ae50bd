using Khcn.Dashboard.Resources;
using Khcn.Dashboard.Store;

namespace Khcn.Dashboard;

/// <summary>
/// The running dashboard: a Kestrel server with the page, the JSON API and OTLP/HTTP on <see cref="BrowserUrl"/>,
/// and OTLP/gRPC on <see cref="OtlpGrpcEndpoint"/>. Dispose to stop it.
/// </summary>
public sealed partial class DashboardHost : IAsyncDisposable
{
    /// <summary>The page, e.g. http://127.0.0.1:18888/.</summary>
    public Uri BrowserUrl { get; private set; } = null!;

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT with OTEL_EXPORTER_OTLP_PROTOCOL=grpc.</summary>
    public Uri OtlpGrpcEndpoint { get; private set; } = null!;

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf.</summary>
    public Uri OtlpHttpEndpoint => BrowserUrl;

    public TelemetryStore Store { get; private set; } = null!;

    // StartAsync and DisposeAsync: DashboardHost.Start.cs.
}
