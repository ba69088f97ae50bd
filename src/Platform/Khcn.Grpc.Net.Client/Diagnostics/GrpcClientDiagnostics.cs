using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client.Internal;
using Khcn.Grpc.Diagnostics;

namespace Grpc.Net.Client.Diagnostics;

/// <summary>
/// Tracing and metrics of outgoing calls. Each call attempt runs in a Client span whose operation name is the
/// official client's ("Grpc.Net.Client.GrpcOut") and whose display name is <c>{rpc.service}/{rpc.method}</c>; its
/// W3C trace context goes out with the request. Every call records its duration in <c>rpc.client.duration</c> (ms).
/// Subscribe with OpenTelemetry's <c>AddSource(GrpcClientDiagnostics.ActivitySourceName)</c> and
/// <c>AddMeter(GrpcClientDiagnostics.MeterName)</c>.
/// </summary>
public static class GrpcClientDiagnostics
{
    /// <summary>Name of the <see cref="System.Diagnostics.ActivitySource"/> of client calls.</summary>
    public const string ActivitySourceName = "Grpc.Net.Client";

    /// <summary>Operation name of a client call's Activity.</summary>
    public const string ActivityName = "Grpc.Net.Client.GrpcOut";

    /// <summary>Name of the <see cref="System.Diagnostics.Metrics.Meter"/> of client calls.</summary>
    public const string MeterName = "Grpc.Net.Client";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> CallDuration = RpcSemanticConventions.CreateDurationHistogram(
        Meter, RpcSemanticConventions.ClientDurationMetric, "Measures the duration of outbound RPC.");

    internal static Activity? StartCallActivity(GrpcMethodInfo methodInfo)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        var method = methodInfo.Method;

        // Given at creation so samplers can decide on them, as the semconv asks.
        KeyValuePair<string, object?>[] creationTags =
        [
            new(RpcSemanticConventions.RpcSystem, RpcSemanticConventions.GrpcSystem),
            new(RpcSemanticConventions.RpcService, method.ServiceName),
            new(RpcSemanticConventions.RpcMethod, method.Name),
            new(RpcSemanticConventions.ServerAddress, methodInfo.ServerAddress),
            new(RpcSemanticConventions.ServerPort, methodInfo.ServerPort),
        ];

        var activity = ActivitySource.StartActivity(ActivityName, ActivityKind.Client, parentContext: default, creationTags);
        if (activity is null)
        {
            return null;
        }

        activity.DisplayName = methodInfo.SpanName;
        if (activity.IsAllDataRequested)
        {
            // The official client's tag, kept for dashboards built on it.
            activity.SetTag("grpc.method", method.FullName);
        }

        return activity;
    }

    /// <summary>
    /// Writes the call span's context into the request. SocketsHttpHandler only injects the Activity it creates itself;
    /// when nobody listens to System.Net.Http that one is never recorded, and the server's span would hang off a span
    /// that does not exist. It never overwrites a header already present, so the context is sent once, as ours.
    /// </summary>
    internal static void InjectTraceContext(Activity activity, HttpRequestMessage request) =>
        DistributedContextPropagator.Current.Inject(activity, request.Headers, static (carrier, key, value) =>
        {
            var headers = (HttpRequestHeaders)carrier!;
            if (!headers.Contains(key))
            {
                headers.TryAddWithoutValidation(key, value);
            }
        });

    internal static void StopCallActivity(Activity activity, in Status status)
    {
        if (activity.IsAllDataRequested)
        {
            var code = RpcSemanticConventions.StatusCodeTagValue(status.StatusCode);
            activity.SetTag("grpc.status_code", code);
            activity.SetTag(RpcSemanticConventions.RpcGrpcStatusCode, code);
            if (RpcSemanticConventions.IsClientError(status.StatusCode))
            {
                activity.SetStatus(ActivityStatusCode.Error, status.Detail);
            }
        }

        activity.Stop();
    }

    internal static void RecordCallDuration(GrpcMethodInfo methodInfo, long startTimestamp, StatusCode statusCode)
    {
        if (!CallDuration.Enabled)
        {
            return;
        }

        var method = methodInfo.Method;
        var tags = new TagList
        {
            { RpcSemanticConventions.RpcSystem, RpcSemanticConventions.GrpcSystem },
            { RpcSemanticConventions.RpcService, method.ServiceName },
            { RpcSemanticConventions.RpcMethod, method.Name },
            { RpcSemanticConventions.RpcGrpcStatusCode, RpcSemanticConventions.StatusCodeTagValue(statusCode) },
            { RpcSemanticConventions.ServerAddress, methodInfo.ServerAddress },
            { RpcSemanticConventions.ServerPort, methodInfo.ServerPort },
        };
        CallDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tags);
    }
}
