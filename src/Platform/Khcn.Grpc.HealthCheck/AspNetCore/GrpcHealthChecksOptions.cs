namespace Grpc.AspNetCore.HealthChecks;

/// <summary>
/// Options for the gRPC health service bridged to ASP.NET Core health checks. How often the checks are
/// re-evaluated for Watch is set with <c>HealthCheckPublisherOptions</c> (Delay, Period), as in the
/// official Grpc.AspNetCore.HealthChecks package.
/// </summary>
public sealed class GrpcHealthChecksOptions
{
    /// <summary>
    /// The service names to expose. <c>AddGrpcHealthChecks</c> maps "" (the whole server) to every check;
    /// map more names, e.g. by tag, for per-service status.
    /// </summary>
    public ServiceMappingCollection Services { get; } = new();

    /// <summary>
    /// When true, Check answers from the statuses last published by the periodic evaluation instead of
    /// running the health checks on every call.
    /// </summary>
    public bool UseHealthChecksCache { get; set; }

    /// <summary>
    /// When false (the default), every Watch call is completed when the application starts stopping, so
    /// that open watches do not hold up graceful shutdown. Statuses are set to NOT_SERVING either way.
    /// </summary>
    public bool SuppressCompletionOnShutdown { get; set; }
}
