using Khcn.Dashboard.Api;
using OpenTelemetry.Proto.Trace.V1;

namespace Khcn.Dashboard.Store;

/// <summary>An OTLP span as the store keeps it.</summary>
internal static class SpanMapping
{
    public static StoredSpan ToStored(Span span, string service, string scope)
    {
        var view = new SpanView(
            OtlpValues.Hex(span.SpanId),
            OtlpValues.Hex(span.ParentSpanId),
            span.Name,
            service,
            Kind(span.Kind),
            OtlpValues.Time(span.StartTimeUnixNano),
            StartOffsetMs: 0,
            OtlpValues.Milliseconds(span.StartTimeUnixNano, span.EndTimeUnixNano),
            Status(span.Status?.Code),
            span.Status?.Message ?? "",
            scope,
            OtlpValues.Attributes(span.Attributes),
            [.. span.Events.Select(spanEvent => new SpanEventView(
                spanEvent.Name, OtlpValues.Time(spanEvent.TimeUnixNano), OtlpValues.Attributes(spanEvent.Attributes)))]);
        return new StoredSpan(view, span.StartTimeUnixNano, Math.Max(span.StartTimeUnixNano, span.EndTimeUnixNano));
    }

    private static string Kind(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => "server",
        Span.Types.SpanKind.Client => "client",
        Span.Types.SpanKind.Internal => "internal",
        Span.Types.SpanKind.Producer => "producer",
        Span.Types.SpanKind.Consumer => "consumer",
        _ => "unspecified",
    };

    private static string Status(Status.Types.StatusCode? code) => code switch
    {
        OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode.Ok => "ok",
        OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode.Error => "error",
        _ => "unset",
    };
}
