using System.Diagnostics.Metrics;
using Grpc.Core;

namespace Khcn.Grpc.Diagnostics;

/// <summary>
/// Names and values of the OpenTelemetry RPC semantic conventions used by both the client and the server, kept in one
/// place so spans and metrics of both sides always agree. These are the long-established conventions (rpc.system,
/// rpc.grpc.status_code, rpc.{client,server}.duration in ms) that the OpenTelemetry .NET instrumentations and dashboards
/// expect; the newer release-candidate names are opt-in per the semconv's own migration rules.
/// </summary>
public static class RpcSemanticConventions
{
    public const string RpcSystem = "rpc.system";
    public const string RpcService = "rpc.service";
    public const string RpcMethod = "rpc.method";
    public const string RpcGrpcStatusCode = "rpc.grpc.status_code";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ClientAddress = "client.address";
    public const string NetworkProtocolName = "network.protocol.name";
    public const string NetworkProtocolVersion = "network.protocol.version";

    /// <summary>Value of <see cref="RpcSystem"/> for gRPC.</summary>
    public const string GrpcSystem = "grpc";

    public const string HttpProtocolName = "http";
    public const string Http2ProtocolVersion = "2";

    public const string ServerDurationMetric = "rpc.server.duration";
    public const string ClientDurationMetric = "rpc.client.duration";
    public const string DurationUnit = "ms";

    /// <summary>
    /// Bucket advice for the duration histograms. The SDK's default boundaries are meant for seconds; in milliseconds
    /// they would put every call into the first bucket. Finer steps at the low end because most calls between
    /// our services take a few milliseconds.
    /// </summary>
    public static IReadOnlyList<double> DurationBucketBoundaries { get; } =
        [0, 1, 2, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    // Boxed once: tag values are object?, and boxing the status code on every recorded call would allocate.
    private static readonly object[] BoxedStatusCodes = Enumerable.Range(0, 17).Select(static code => (object)code).ToArray();

    /// <summary>The numeric status code as a tag value, without allocating for the codes gRPC defines.</summary>
    public static object StatusCodeTagValue(StatusCode code)
    {
        var value = (int)code;
        return (uint)value < (uint)BoxedStatusCodes.Length ? BoxedStatusCodes[value] : value;
    }

    /// <summary>Span name per the semconv: <c>{rpc.service}/{rpc.method}</c>.</summary>
    public static string SpanName(IMethod method) => method.ServiceName + "/" + method.Name;

    /// <summary>
    /// Whether a status marks a server span as failed. Only codes that point at the server itself count; codes such as
    /// NOT_FOUND or INVALID_ARGUMENT are the server correctly answering a bad request.
    /// </summary>
    public static bool IsServerError(StatusCode code) => code is StatusCode.Unknown
        or StatusCode.DeadlineExceeded
        or StatusCode.Unimplemented
        or StatusCode.Internal
        or StatusCode.Unavailable
        or StatusCode.DataLoss;

    /// <summary>Whether a status marks a client span as failed: the call did not succeed, whatever the reason.</summary>
    public static bool IsClientError(StatusCode code) => code != StatusCode.OK;

    /// <summary>A call-duration histogram with the conventions' unit and the bucket advice above.</summary>
    public static Histogram<double> CreateDurationHistogram(Meter meter, string name, string description) =>
        meter.CreateHistogram(
            name,
            DurationUnit,
            description,
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBucketBoundaries });
}
