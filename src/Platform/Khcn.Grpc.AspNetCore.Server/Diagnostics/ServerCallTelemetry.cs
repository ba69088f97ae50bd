using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Khcn.Grpc.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Diagnostics;

/// <summary>
/// The span and the duration measurement of the calls of one method. Built once per method, so the span name is
/// computed once, not per call.
/// </summary>
internal sealed class ServerCallTelemetry(IMethod method)
{
    private readonly string _spanName = RpcSemanticConventions.SpanName(method);

    /// <summary>
    /// Starts the call's span, or returns null when nobody listens or the sampler drops it. Must run inside the
    /// handler's async flow: the span then is <see cref="Activity.Current"/> for the service method, and the caller's
    /// Activity.Current is restored when the handler returns.
    /// </summary>
    public Activity? StartActivity(HttpContext httpContext)
    {
        if (!GrpcServerDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        var request = httpContext.Request;
        var connection = httpContext.Connection;

        // When ASP.NET Core already made an Activity from the same traceparent, it is Activity.Current and becomes the
        // parent by default. Without it (nobody listens to Microsoft.AspNetCore and logging is off) the caller's context
        // is read from the headers here, so the trace still continues.
        var hostingActivity = Activity.Current;
        var parent = hostingActivity is null ? ExtractParent(request.Headers) : default;

        // Given at creation so samplers can decide on them, as the semconv asks.
        KeyValuePair<string, object?>[] creationTags =
        [
            new(RpcSemanticConventions.RpcSystem, RpcSemanticConventions.GrpcSystem),
            new(RpcSemanticConventions.RpcService, method.ServiceName),
            new(RpcSemanticConventions.RpcMethod, method.Name),
            new(RpcSemanticConventions.ServerAddress, request.Host.Host),
            new(RpcSemanticConventions.ServerPort, request.Host.Port ?? connection.LocalPort),
        ];

        var activity = GrpcServerDiagnostics.ActivitySource.StartActivity(_spanName, ActivityKind.Server, parent, creationTags);
        if (activity is null)
        {
            return null;
        }

        if (hostingActivity is null)
        {
            // A hosting Activity already carries the request's baggage, and children inherit it from there.
            AddBaggage(activity, request.Headers);
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(RpcSemanticConventions.NetworkProtocolName, RpcSemanticConventions.HttpProtocolName);
            activity.SetTag(RpcSemanticConventions.NetworkProtocolVersion, ProtocolVersion(request.Protocol));
            if (connection.RemoteIpAddress is { } clientAddress)
            {
                activity.SetTag(RpcSemanticConventions.ClientAddress, FormatAddress(clientAddress));
            }
        }

        return activity;
    }

    /// <summary>Records the call's duration and ends its span with the status sent to the client.</summary>
    public void OnCallEnded(Activity? activity, long startTimestamp, Status status)
    {
        var histogram = GrpcServerDiagnostics.CallDuration;
        if (histogram.Enabled)
        {
            // Recorded before the span stops, so a measurement taken inside the span can carry it as an exemplar.
            histogram.Record(
                Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds,
                new(RpcSemanticConventions.RpcSystem, RpcSemanticConventions.GrpcSystem),
                new(RpcSemanticConventions.RpcService, method.ServiceName),
                new(RpcSemanticConventions.RpcMethod, method.Name),
                new(RpcSemanticConventions.RpcGrpcStatusCode, RpcSemanticConventions.StatusCodeTagValue(status.StatusCode)));
        }

        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(RpcSemanticConventions.RpcGrpcStatusCode, RpcSemanticConventions.StatusCodeTagValue(status.StatusCode));
            if (RpcSemanticConventions.IsServerError(status.StatusCode))
            {
                activity.SetStatus(ActivityStatusCode.Error, status.Detail);
            }
        }

        activity.Stop();
    }

    private static ActivityContext ExtractParent(IHeaderDictionary headers)
    {
        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, GetHeader, out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }

    private static void AddBaggage(Activity activity, IHeaderDictionary headers)
    {
        if (DistributedContextPropagator.Current.ExtractBaggage(headers, GetHeader) is not { } baggage)
        {
            return;
        }

        // AddBaggage prepends, so adding in reverse keeps the header's order.
        foreach (var item in baggage.Reverse())
        {
            activity.AddBaggage(item.Key, item.Value);
        }
    }

    private static void GetHeader(object? carrier, string fieldName, out string? fieldValue, out IEnumerable<string>? fieldValues)
    {
        fieldValues = null;
        var values = ((IHeaderDictionary)carrier!)[fieldName];
        fieldValue = values.Count == 0 ? null : values.ToString();
    }

    private static string ProtocolVersion(string protocol) =>
        HttpProtocol.IsHttp3(protocol) ? "3" : RpcSemanticConventions.Http2ProtocolVersion;

    private static string FormatAddress(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
