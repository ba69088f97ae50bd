using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Data;

/// <summary>Ready when the service's database accepts a connection and a trivial query.</summary>
internal sealed class DatabaseHealthCheck<TContext>(IDbContextFactory<TContext> contextFactory) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.GetProvider()} database reachable.")
                : new HealthCheckResult(context.Registration.FailureStatus, "Database not reachable.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Database check failed.", e);
        }
    }
}
