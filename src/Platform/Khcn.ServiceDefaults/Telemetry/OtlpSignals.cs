using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which signals have an OTLP endpoint, by the standard variables (read from IConfiguration, so environment and
/// appsettings both count): OTEL_EXPORTER_OTLP_ENDPOINT for all, OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT
/// for one. A signal without an endpoint gets no exporter: the exporter's own default (localhost:4317) would
/// retry against nothing for the life of the process. OTEL_{TRACES,METRICS,LOGS}_EXPORTER=none turns one off.
/// </summary>
public sealed record OtlpSignals(bool Traces, bool Metrics, bool Logs)
{
    public bool Any => Traces || Metrics || Logs;

    public static OtlpSignals From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var common = HasValue(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        return new OtlpSignals(
            Traces: Exports(configuration, "TRACES", common),
            Metrics: Exports(configuration, "METRICS", common),
            Logs: Exports(configuration, "LOGS", common));
    }

    private static bool Exports(IConfiguration configuration, string signal, bool common) =>
        (common || HasValue(configuration, $"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"))
        && !string.Equals(configuration[$"OTEL_{signal}_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase);

    private static bool HasValue(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
