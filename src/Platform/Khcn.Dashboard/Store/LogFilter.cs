namespace Khcn.Dashboard.Store;

/// <summary>Which log records a query wants. Empty strings and nulls do not filter.</summary>
/// <param name="MinimumLevel">A level name (Trace ... Critical): records at it or above.</param>
/// <param name="Search">Text the message contains, case-insensitive.</param>
/// <param name="After">Only records with a higher sequence number: the page polls with the last one it has.</param>
public sealed record LogFilter(
    string? Service = null,
    string? MinimumLevel = null,
    string? TraceId = null,
    string? Search = null,
    long After = 0,
    int Limit = 500);
