using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Khcn.Dashboard.Tests.Infrastructure;
using Khcn.Tests.Browser;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace Khcn.Dashboard.Tests.Browser;

/// <summary>
/// A real dashboard fed by the official OpenTelemetry SDK (one distributed call across provinces, tasks and ip, logs
/// inside and outside it, a histogram), and one headless Chromium the page tests share.
/// </summary>
public sealed class SeededDashboard : IAsyncLifetime
{
    public const string HistogramName = "ip.lookup.duration";

    /// <summary>Written decomposed (NFD) by the service; the page must show it composed.</summary>
    public static readonly string ProvinceName = "Hà Nội";

    /// <summary>Markup in a span name: the page must show it as text.</summary>
    public const string MarkupSpanName = "cache.get <b id=\"injected\">bold</b>";

    private RunningDashboard _dashboard = null!;

    public HeadlessChromium Browser { get; private set; } = null!;

    public string PageUrl => _dashboard.Host.BrowserUrl.ToString();

    public string TraceId { get; private set; } = "";

    /// <summary>The trace's spans as the waterfall must list them: depth-first, children under their parent by start.</summary>
    public IReadOnlyList<ExpectedSpan> WaterfallOrder { get; private set; } = [];

    /// <summary>The messages of the logs written inside the trace (the others have no trace or another one).</summary>
    public IReadOnlyList<string> TraceLogMessages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _dashboard = await RunningDashboard.StartAsync();
        SendTelemetry();
        Browser = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        await _dashboard.DisposeAsync();
    }

    private void SendTelemetry()
    {
        var prefix = $"Khcn.Dashboard.Tests.Browser.{Guid.NewGuid():N}";
        using var provincesSource = new ActivitySource($"{prefix}.provinces");
        using var tasksSource = new ActivitySource($"{prefix}.tasks");
        using var ipSource = new ActivitySource($"{prefix}.ip");
        var host = _dashboard.Host;
        using var provincesTracer = OtlpPeer.Tracer(host, OtlpExportProtocol.Grpc, "provinces", provincesSource.Name);
        using var tasksTracer = OtlpPeer.Tracer(host, OtlpExportProtocol.Grpc, "tasks", tasksSource.Name);
        using var ipTracer = OtlpPeer.Tracer(host, OtlpExportProtocol.HttpProtobuf, "ip", ipSource.Name);
        using var provincesLogging = OtlpPeer.Logger(host, OtlpExportProtocol.Grpc, "provinces");
        using var tasksLogging = OtlpPeer.Logger(host, OtlpExportProtocol.Grpc, "tasks");
        using var ipLogging = OtlpPeer.Logger(host, OtlpExportProtocol.HttpProtobuf, "ip");
        var provincesLog = provincesLogging.CreateLogger("Khcn.Provinces.ProvinceService");
        var tasksLog = tasksLogging.CreateLogger("Khcn.Tasks.TaskService");
        var ipLog = ipLogging.CreateLogger("Khcn.IntellectualProperty.LookupService");

        provincesLog.LogInformation("Service started outside any trace");
        var expected = new List<ExpectedSpan>();
        var traceMessages = new List<string>();
        using (var root = Span(provincesSource, "GET /v1/provinces", ActivityKind.Server, 0, expected))
        {
            TraceId = root.TraceId.ToHexString();
            var decomposed = ProvinceName.Normalize(NormalizationForm.FormD);
            provincesLog.LogInformation("Loading province {Province}", decomposed);
            traceMessages.Add($"Loading province {decomposed}");
            using (Span(provincesSource, "tasks.ListTasks", ActivityKind.Client, 1, expected))
            using (Span(tasksSource, "ListTasks", ActivityKind.Server, 2, expected))
            {
                tasksLog.LogWarning("Slow query: {Count} tasks", 3);
                traceMessages.Add("Slow query: 3 tasks");
                using (Span(tasksSource, "ip.LookupPatent", ActivityKind.Client, 3, expected))
                using (var lookup = Span(ipSource, "LookupPatent", ActivityKind.Server, 4, expected))
                {
                    lookup.SetTag("patent.number", "VN-1-2024-00042");
                    lookup.AddEvent(new ActivityEvent("cache miss"));
                    lookup.SetStatus(ActivityStatusCode.Error, "patent not found");
                    ipLog.LogError("Patent {Number} not found", "VN-1-2024-00042");
                    traceMessages.Add("Patent VN-1-2024-00042 not found");
                }
            }

            using (Span(provincesSource, MarkupSpanName, ActivityKind.Internal, 1, expected))
            {
            }
        }

        using (Span(tasksSource, "background.sweep", ActivityKind.Internal, 0, []))
        {
            tasksLog.LogInformation("Swept expired tasks");
        }

        WaterfallOrder = expected;
        TraceLogMessages = traceMessages;
        SendHistogram(prefix);
    }

    private void SendHistogram(string prefix)
    {
        var meterName = $"{prefix}.ip.meter";
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>(HistogramName, "ms", "How long a patent lookup takes");
        using var meters = OtlpPeer.Meter(_dashboard.Host, OtlpExportProtocol.Grpc, "ip", meterName);
        // Two exports: two points per series, so each percentile is a line, not a dot.
        for (var round = 0; round < 2; round++)
        {
            foreach (var milliseconds in new[] { 3.0, 8.0, 12.0, 40.0, 95.0 })
            {
                histogram.Record(milliseconds * (round + 1), new KeyValuePair<string, object?>("outcome", "found"));
                histogram.Record(milliseconds * 2, new KeyValuePair<string, object?>("outcome", "missing"));
            }

            meters.ForceFlush();
        }
    }

    private static Activity Span(ActivitySource source, string name, ActivityKind kind, int depth, List<ExpectedSpan> expected)
    {
        // The current activity is the parent: each provider listens only to its own service's source, as in the
        // services, and the trace still crosses them through Activity.Current.
        var activity = source.StartActivity(name, kind)
            ?? throw new InvalidOperationException($"No tracer listens to {source.Name}.");
        expected.Add(new ExpectedSpan(
            activity.SpanId.ToHexString(), activity.ParentSpanId == default ? "" : activity.ParentSpanId.ToHexString(),
            ServiceOf(source), depth));
        return activity;
    }

    private static string ServiceOf(ActivitySource source) => source.Name[(source.Name.LastIndexOf('.') + 1)..];
}

/// <summary>One span of the seeded trace as the waterfall must show it.</summary>
public sealed record ExpectedSpan(string SpanId, string ParentSpanId, string Service, int Depth);
