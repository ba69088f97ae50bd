using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Runs the health checks under a parent that is not recorded, so the parent-based sampler drops every span they
/// start (a Redis PING, the database's SELECT): the publisher runs them every few seconds and each run would
/// otherwise be a root trace. Their log records are still exported, which OpenTelemetry's
/// SuppressInstrumentationScope would not allow: a failing check's log is what explains an unhealthy service.
/// </summary>
internal sealed class UntracedHealthCheckService(HealthCheckService inner) : HealthCheckService
{
    // A plain Activity, from no ActivitySource the tracer listens to: it is never exported itself.
    private const string ParentOperationName = "Khcn.HealthChecks.Untraced";

    public override async Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default)
    {
        using var parent = new Activity(ParentOperationName).SetIdFormat(ActivityIdFormat.W3C).Start();
        // After Start, which copies the flags of a recorded caller (a sampled gRPC Health/Check).
        parent.ActivityTraceFlags = ActivityTraceFlags.None;
        return await inner.CheckHealthAsync(predicate, cancellationToken).ConfigureAwait(false);
    }
}
