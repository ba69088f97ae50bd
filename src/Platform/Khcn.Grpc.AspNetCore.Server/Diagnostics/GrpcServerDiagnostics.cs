using System.Diagnostics;
using System.Diagnostics.Metrics;
using Khcn.Grpc.Diagnostics;

namespace Grpc.AspNetCore.Server.Diagnostics;

/// <summary>
/// Tracing and metrics of incoming calls, named like the official Grpc.AspNetCore.Server. Each call runs in a Server
/// span named <c>{rpc.service}/{rpc.method}</c> that continues the caller's W3C trace context, and every call records
/// its duration in the <c>rpc.server.duration</c> histogram (ms). Subscribe with OpenTelemetry's
/// <c>AddSource(GrpcServerDiagnostics.ActivitySourceName)</c> and <c>AddMeter(GrpcServerDiagnostics.MeterName)</c>.
/// </summary>
public static class GrpcServerDiagnostics
{
    /// <summary>Name of the <see cref="System.Diagnostics.ActivitySource"/> of server calls.</summary>
    public const string ActivitySourceName = "Grpc.AspNetCore.Server";

    /// <summary>Name of the <see cref="System.Diagnostics.Metrics.Meter"/> of server calls.</summary>
    public const string MeterName = "Grpc.AspNetCore.Server";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> CallDuration = RpcSemanticConventions.CreateDurationHistogram(
        Meter, RpcSemanticConventions.ServerDurationMetric, "Measures the duration of inbound RPC.");
}
