using Grpc.HealthCheck;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.AspNetCore.HealthChecks;

/// <summary>
/// When the application starts stopping, reports every mapped service as NOT_SERVING (so load balancers
/// drain the instance) and, unless suppressed, ends open Watch calls so that they do not hold up the
/// server's graceful shutdown.
/// </summary>
internal sealed class GrpcHealthChecksShutdownHandler(
    HealthServiceImpl healthService,
    IHostApplicationLifetime lifetime,
    IOptions<GrpcHealthChecksOptions> options) : IHostedService, IDisposable
{
    private CancellationTokenRegistration stoppingRegistration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        stoppingRegistration = lifetime.ApplicationStopping.Register(OnStopping);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => stoppingRegistration.Dispose();

    private void OnStopping()
    {
        foreach (var mapping in options.Value.Services)
        {
            healthService.SetStatus(mapping.Name, ServingStatus.NotServing);
        }

        if (!options.Value.SuppressCompletionOnShutdown)
        {
            healthService.CompleteAllWatches();
        }
    }
}
