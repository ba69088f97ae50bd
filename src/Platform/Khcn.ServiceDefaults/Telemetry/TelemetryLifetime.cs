using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Owns the tracer and meter providers for the life of the host. They are built when the host resolves its hosted
/// services, before any of them starts, so the first requests Kestrel accepts are already traced. They are flushed
/// and disposed in <see cref="StoppedAsync"/>, after every hosted service (Kestrel included) has stopped: spans of
/// requests that finish while the server drains on SIGTERM are still exported. The logger provider belongs to the
/// host's logging; it is flushed here too and disposed with the host.
/// </summary>
public sealed class TelemetryLifetime(OtlpSignals signals, TelemetryIdentity identity, IConfiguration configuration, IServiceProvider services)
    : IHostedLifecycleService, IDisposable
{
    // Flush and shutdown each wait at most this long per provider, well inside the host's shutdown timeout.
    private const int FlushTimeoutMilliseconds = 5000;

    public TracerProvider? TracerProvider { get; } = signals.Traces ? TelemetryProviders.BuildTracing(identity, configuration) : null;

    public MeterProvider? MeterProvider { get; } = signals.Metrics ? TelemetryProviders.BuildMetrics(identity, configuration) : null;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Not cancellable: a cancelled shutdown still has to release the exporters. ForceFlush blocks on them, hence Task.Run.
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.Run(FlushAndDispose, CancellationToken.None);

    public void Dispose()
    {
        // Dispose shuts the batch processors down, which exports what is still queued.
        TracerProvider?.Dispose();
        MeterProvider?.Dispose();
    }

    private void FlushAndDispose()
    {
        TracerProvider?.ForceFlush(FlushTimeoutMilliseconds);
        MeterProvider?.ForceFlush(FlushTimeoutMilliseconds);
        services.GetService<LoggerProvider>()?.ForceFlush(FlushTimeoutMilliseconds);
        Dispose();
    }
}
