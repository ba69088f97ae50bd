using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>The one trace telemetry leaves when it is off: a debug line saying why.</summary>
internal sealed partial class TelemetryOffNotice(ILogger<TelemetryOffNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogOff(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telemetry export is off: no OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT) is configured.")]
    private static partial void LogOff(ILogger logger);
}
