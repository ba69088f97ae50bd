using Khcn.Dashboard.Api;

namespace Khcn.Dashboard.Store;

/// <summary>
/// One received span: its view without the trace-relative offset (known only once all spans are in), and its raw
/// times, which order and measure the trace exactly.
/// </summary>
internal sealed record StoredSpan(SpanView View, ulong StartUnixNanos, ulong EndUnixNanos)
{
    public bool IsRoot => View.ParentSpanId.Length == 0;

    public bool HasError => View.Status == "error";
}
