using Grpc.HealthCheck;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.HealthChecks;

/// <summary>
/// Receives the periodic health reports of ASP.NET Core's publisher host (its timer, its Delay/Period) and
/// stores one status per mapped service, which is what Watch calls observe change.
/// </summary>
internal sealed class GrpcHealthChecksPublisher(HealthServiceImpl healthService, IOptions<GrpcHealthChecksOptions> options) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var mapping in options.Value.Services)
        {
            healthService.SetStatus(mapping.Name, HealthReportStatusMapper.ToServingStatus(report, mapping));
        }

        return Task.CompletedTask;
    }
}
