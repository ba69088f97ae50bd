using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.AspNetCore.HealthChecks;

/// <summary>Turns ASP.NET Core health check results into gRPC serving statuses.</summary>
internal static class HealthReportStatusMapper
{
    /// <summary>
    /// Healthy and Degraded both still serve requests, so they map to SERVING; any Unhealthy check
    /// selected by the mapping makes the service NOT_SERVING. A mapping that selects no check has
    /// nothing wrong with it and is SERVING.
    /// </summary>
    public static ServingStatus ToServingStatus(HealthReport report, ServiceMapping mapping)
    {
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status == HealthStatus.Unhealthy && mapping.Predicate(new HealthCheckMapContext(name, entry.Tags)))
            {
                return ServingStatus.NotServing;
            }
        }

        return ServingStatus.Serving;
    }

    public static Func<HealthCheckRegistration, bool> ToRegistrationPredicate(ServiceMapping mapping) =>
        registration => mapping.Predicate(new HealthCheckMapContext(registration.Name, registration.Tags));
}
