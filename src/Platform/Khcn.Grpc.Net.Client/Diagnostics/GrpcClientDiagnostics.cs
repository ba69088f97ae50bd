using System.Diagnostics;
using Grpc.Core;

namespace Grpc.Net.Client.Diagnostics;

/// <summary>
/// Tracing of outgoing calls. Each call runs in an Activity named like the official client's
/// ("Grpc.Net.Client.GrpcOut"); SocketsHttpHandler propagates the current Activity as W3C traceparent.
/// Subscribe with OpenTelemetry's <c>AddSource(GrpcClientDiagnostics.ActivitySourceName)</c>.
/// </summary>
public static class GrpcClientDiagnostics
{
    /// <summary>Name of the <see cref="System.Diagnostics.ActivitySource"/> of client calls.</summary>
    public const string ActivitySourceName = "Grpc.Net.Client";

    /// <summary>Operation name of a client call's Activity.</summary>
    public const string ActivityName = "Grpc.Net.Client.GrpcOut";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    internal static Activity? StartCallActivity(IMethod method)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ActivitySource.StartActivity(ActivityName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            // OpenTelemetry RPC semantic conventions plus the official client's grpc.method tag.
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", method.ServiceName);
            activity.SetTag("rpc.method", method.Name);
            activity.SetTag("grpc.method", method.FullName);
        }

        return activity;
    }

    internal static void StopCallActivity(Activity activity, in Status status)
    {
        if (activity.IsAllDataRequested)
        {
            var code = (int)status.StatusCode;
            activity.SetTag("grpc.status_code", code);
            activity.SetTag("rpc.grpc.status_code", code);
            if (status.StatusCode != StatusCode.OK)
            {
                activity.SetStatus(ActivityStatusCode.Error, status.Detail);
            }
        }

        activity.Stop();
    }
}
