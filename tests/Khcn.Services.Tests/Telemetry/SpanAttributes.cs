using OpenTelemetry.Proto.Trace.V1;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>Reads an exported span's attributes by key; null when the span does not carry the key.</summary>
public static class SpanAttributes
{
    public static string? StringAttribute(this Span span, string key) =>
        span.Attributes.FirstOrDefault(attribute => attribute.Key == key)?.Value?.StringValue;

    public static long? IntAttribute(this Span span, string key) =>
        span.Attributes.FirstOrDefault(attribute => attribute.Key == key)?.Value?.IntValue;

    public static bool HasAttribute(this Span span, string key) => span.Attributes.Any(attribute => attribute.Key == key);
}
