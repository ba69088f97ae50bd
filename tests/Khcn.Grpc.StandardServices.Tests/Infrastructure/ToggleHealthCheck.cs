using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>An ASP.NET Core health check whose result a test switches at will.</summary>
public sealed class ToggleHealthCheck(HealthStatus initial = HealthStatus.Healthy) : IHealthCheck
{
    private volatile int status = (int)initial;

    public HealthStatus Status
    {
        get => (HealthStatus)status;
        set => status = (int)value;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new HealthCheckResult(Status, $"Toggled to {Status}."));
}
