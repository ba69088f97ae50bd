using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The HTTP health endpoints beside gRPC health, for probes that speak plain HTTP/1.1 (Kubernetes <c>httpGet</c>,
/// the AppHost, load balancers): readiness runs every check, liveness only those tagged <see cref="Extensions.LiveTag"/>.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Readiness: every check. 200 when Healthy or Degraded, 503 when Unhealthy.</summary>
    public const string ReadinessPath = "/health";

    /// <summary>Liveness: the checks tagged <see cref="Extensions.LiveTag"/> only, so a dead database never restarts the process.</summary>
    public const string LivenessPath = "/alive";

    /// <summary>
    /// <c>;</c>-separated URLs (env <c>HealthChecks__Urls</c>, e.g. <c>http://127.0.0.1:5201</c>) of an HTTP/1.1 listener
    /// serving only <see cref="ReadinessPath"/> and <see cref="LivenessPath"/>; the gRPC port cannot serve HTTP/1.1 on cleartext.
    /// </summary>
    public const string UrlsConfigurationKey = "HealthChecks:Urls";

    // grpc.health.v1.Health/Check and /Watch: the gRPC probes (Kubernetes grpc probes, grpc-health-probe).
    private static readonly PathString GrpcHealthService = "/" + Grpc.Health.V1.Health.Descriptor.FullName;

    /// <summary>A probe of any kind: the HTTP endpoints or gRPC health. Probes come every few seconds and are not traced.</summary>
    internal static bool IsProbePath(PathString path) => IsHealthPath(path) || path.StartsWithSegments(GrpcHealthService);

    internal static bool IsHealthPath(PathString path) =>
        path.Equals(ReadinessPath, StringComparison.OrdinalIgnoreCase) || path.Equals(LivenessPath, StringComparison.OrdinalIgnoreCase);
}
