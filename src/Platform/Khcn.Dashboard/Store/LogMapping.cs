using Khcn.Dashboard.Api;
using OpenTelemetry.Proto.Logs.V1;

namespace Khcn.Dashboard.Store;

/// <summary>An OTLP log record as the store keeps it.</summary>
internal static class LogMapping
{
    public static StoredLog ToStored(long sequence, LogRecord record, string service, string scope)
    {
        var rank = LogLevels.RankOfSeverity((int)record.SeverityNumber);
        // A record without its own time (allowed by OTLP) is shown at the time the SDK saw it.
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        var view = new LogView(
            sequence,
            OtlpValues.Time(time),
            service,
            LogLevels.Names[rank],
            OtlpValues.Text(record.Body),
            scope,
            OtlpValues.Hex(record.TraceId),
            OtlpValues.Hex(record.SpanId),
            OtlpValues.Attributes(record.Attributes));
        return new StoredLog(view, rank);
    }
}
