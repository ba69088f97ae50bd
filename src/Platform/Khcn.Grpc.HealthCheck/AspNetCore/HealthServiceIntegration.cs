using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.HealthChecks;

/// <summary>
/// The Health service mapped by <c>MapGrpcHealthChecksService</c>: mapped names are answered from the
/// ASP.NET Core health checks, other names from statuses set directly on <see cref="HealthServiceImpl"/>.
/// </summary>
internal sealed class HealthServiceIntegration(
    HealthServiceImpl healthService,
    HealthCheckService healthCheckService,
    IOptions<GrpcHealthChecksOptions> options) : Grpc.Health.V1.Health.HealthBase
{
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var mapping = options.Value.Services.Find(request.Service);
        if (mapping is not null && !options.Value.UseHealthChecksCache)
        {
            await EvaluateAsync(mapping, context.CancellationToken).ConfigureAwait(false);
        }

        return await healthService.Check(request, context).ConfigureAwait(false);
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        // Before the first periodic report a mapped service would look unknown; evaluate once so the
        // first message a watcher gets is the real status.
        var mapping = options.Value.Services.Find(request.Service);
        if (mapping is not null && !healthService.TryGetStatus(mapping.Name, out _))
        {
            await EvaluateAsync(mapping, context.CancellationToken).ConfigureAwait(false);
        }

        await healthService.Watch(request, responseStream, context).ConfigureAwait(false);
    }

    private async Task EvaluateAsync(ServiceMapping mapping, CancellationToken cancellationToken)
    {
        var report = await healthCheckService.CheckHealthAsync(HealthReportStatusMapper.ToRegistrationPredicate(mapping), cancellationToken).ConfigureAwait(false);

        // Stored, not just returned: watchers of this service learn about a change found by a Check.
        healthService.SetStatus(mapping.Name, HealthReportStatusMapper.ToServingStatus(report, mapping));
    }
}
