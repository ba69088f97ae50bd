using System.Diagnostics;
using Khcn.AppHost.Tests.Infrastructure;
using Khcn.Dashboard.Api;
using Khcn.Tests.Browser;
using Xunit.Abstractions;

namespace Khcn.AppHost.Tests;

/// <summary>
/// Issue #8's "done when": the stack runs with the AppHost's dashboard, one overview call is one trace in the
/// dashboard's store with spans from the three services, Redis and the database, and the page shows it.
/// </summary>
public class DashboardTests(ITestOutputHelper output)
{
    private static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(30);

    // Redis holds the province catalog that Tasks and IntellectualProperty share. With a one-second refresh the
    // overview finds it due and reads it through the cache inside the call, as it does every ten minutes by default.
    private static readonly TimeSpan CatalogRefresh = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task OneOverviewCall_IsOneTraceAcrossThreeServicesRedisAndTheDatabase_InTheDashboardAndOnItsPage()
    {
        await using var appHost = AppHostProcess.Start(output, [], _ => new Dictionary<string, string>
        {
            ["ProvinceReference__RefreshInterval"] = CatalogRefresh.ToString(),
        });
        var summary = await appHost.WaitUntilReadyAsync();
        Assert.True(summary.Dashboard is not null, appHost.Describe("The summary has no 'dashboard:' line."));
        using var dashboard = new DashboardClient(summary.Dashboard);
        await Task.Delay(CatalogRefresh * 2);

        // The caller's own span: the overview's server span must continue it.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        await StackCalls.GetOverviewAsync(summary["provinces"].Endpoint!, "provinces/12", $"00-{traceId}-{callerSpanId}-01");

        // Each span is exported when it ends, in its service's next batch: a parent ends after its children (the request
        // span that continues ours after the response), so the trace is waited for until every parent is in.
        var trace = await dashboard.WaitForTraceAsync(traceId, t => HasEveryPart(t, callerSpanId), TraceTimeout);

        Assert.True(trace is not null, appHost.Describe($"The dashboard has no span of trace {traceId}."));
        Assert.True(HasEveryPart(trace, callerSpanId), appHost.Describe($"Trace {traceId} lacks a part: {Describe(trace)}"));
        var root = Assert.Single(trace.Spans, s => s.ParentSpanId == callerSpanId);
        Assert.Equal(("provinces", "server"), (root.Service, root.Kind));
        var spanIds = trace.Spans.Select(s => s.SpanId).ToHashSet();
        Assert.All(trace.Spans.Where(s => s != root), s => Assert.Contains(s.ParentSpanId, spanIds));
        // Tasks and IntellectualProperty were called by Provinces: their server spans hang below a Provinces span.
        foreach (var service in (string[])["tasks", "ip"])
        {
            var server = trace.Spans.First(s => s.Service == service && s.Kind == "server");
            Assert.Equal("provinces", trace.Spans.Single(s => s.SpanId == server.ParentSpanId).Service);
        }

        await AssertMetricsAndLogsArriveAsync(dashboard, appHost);
        await AssertThePageShowsTheTraceAsync(summary.Dashboard, trace);
    }

    // The page the summary points at draws the same trace: every span a row, each with its service.
    private static async Task AssertThePageShowsTheTraceAsync(Uri page, TraceDetail trace)
    {
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync($"{page}#/traces/{trace.TraceId}");
        await browser.WaitForAsync(
            $"Number(document.getElementById('trace-detail')?.dataset.spanCount) >= {trace.Spans.Count}", RenderTimeout);

        var rows = await browser.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('#trace-detail .span-row')].map(row => row.dataset.spanId + ' ' + row.dataset.service)") ?? [];

        Assert.Superset(trace.Spans.Select(s => $"{s.SpanId} {s.Service}").ToHashSet(), rows.ToHashSet());
        Assert.Empty(browser.Errors);
        await browser.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "apphost-dashboard-trace.png"));
    }

    // Complete: the span that continues the caller's, every other span's parent, and the parts the issue names.
    private static bool HasEveryPart(TraceDetail trace, string callerSpanId) =>
        trace.Spans.Any(s => s.ParentSpanId == callerSpanId)
        && trace.Spans.All(s => s.ParentSpanId == callerSpanId || trace.Spans.Any(p => p.SpanId == s.ParentSpanId))
        && StackCalls.Services.All(service => trace.Spans.Any(s => s.Service == service && s.Kind == "server"))
        && trace.Spans.Any(s => s.Attributes.GetValueOrDefault("db.system.name") == "redis")
        && trace.Spans.Any(s => s.Attributes.GetValueOrDefault("db.system.name") == "sqlite");

    private static async Task AssertMetricsAndLogsArriveAsync(DashboardClient dashboard, AppHostProcess appHost)
    {
        // Metrics are exported every 5 s by default; logs with the first batch after start.
        var deadline = DateTime.UtcNow + TraceTimeout;
        while (true)
        {
            var instruments = await dashboard.MetricsAsync("provinces") ?? [];
            var logs = await dashboard.LogsAsync("service=ip&limit=5") ?? [];
            if (instruments.Any(i => i.Name == "rpc.server.duration") && logs.Count > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, appHost.Describe(
                $"No rpc.server.duration from provinces ({instruments.Count} instruments) or no log of ip ({logs.Count}) in the dashboard."));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static string Describe(TraceDetail? trace) => trace is null
        ? "no spans"
        : string.Join("; ", trace.Spans.Select(s => $"{s.Service}/{s.Kind} {s.Name} [{s.Attributes.GetValueOrDefault("db.system.name")}]"));
}
