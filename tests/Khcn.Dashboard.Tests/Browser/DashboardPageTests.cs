using System.Text.Json;
using Khcn.Tests.Browser;

namespace Khcn.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard page in headless Chromium against a real dashboard fed by the OpenTelemetry SDK. Each test reads the
/// page's data- hooks, and ends by asserting the page reported no error (exceptions, console errors, CSP violations,
/// failed requests).
/// </summary>
public sealed class DashboardPageTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(15);

    private HeadlessChromium Browser => dashboard.Browser;

    [Fact]
    public async Task ResourcesView_IsTheDefault_AndListsTheCatalogWithStatesAndEndpointLinks()
    {
        await Browser.NavigateAsync(dashboard.PageUrl);
        await Browser.WaitForAsync("document.getElementById('resources').dataset.resourceCount === '3'", RenderTimeout);

        var rows = await ReadAsync<ResourceRow[]>("""
            [...document.querySelectorAll('#resources .resource-row')].map(row => ({
              name: row.dataset.resource,
              state: row.querySelector('.badge').textContent,
              links: [...row.querySelectorAll('.endpoints a')].map(a => a.href),
              console: row.querySelector('td a').getAttribute('href'),
            }))
            """);

        Assert.Equal(["cache", "provinces", "tasks"], rows.Select(row => row.Name));
        Assert.Equal(["Healthy", "Restarting", "NotStarted"], rows.Select(row => row.State));
        // Only http(s) endpoints become links: a tcp:// address is shown, not followed.
        Assert.Equal(["http://127.0.0.1:5101/"], rows[1].Links);
        Assert.Empty(rows[0].Links);
        Assert.Equal("#/console/provinces", rows[1].Console);
        Assert.NotEqual("never", await Browser.EvaluateAsync<string>("document.getElementById('last-refresh').textContent"));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task ConsoleView_ShowsTheResourcesLinesInOrder()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + "#/console/provinces");
        await Browser.WaitForAsync("document.getElementById('console-output').dataset.lineCount === '3'", RenderTimeout);

        var lines = await ReadAsync<string[]>(
            "[...document.querySelectorAll('#console-output .console-text')].map(line => line.textContent)");

        Assert.Equal(["starting", "listening on 5101", "crashed"], lines);
        Assert.Equal("provinces", await Browser.EvaluateAsync<string>("document.getElementById('console-resource').value"));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task TraceList_ShowsTheTraceWithItsServicesSpanCountAndError()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + "#/traces");
        var row = $"document.querySelector('.trace-row[data-trace-id=\"{dashboard.TraceId}\"]')";
        await Browser.WaitForAsync(row, RenderTimeout);

        var services = await ReadAsync<string[]>($"[...{row}.querySelectorAll('.chip')].map(chip => chip.textContent)");
        var spanCount = await Browser.EvaluateAsync<string>($"{row}.cells[3].textContent");
        var name = await Browser.EvaluateAsync<string>($"{row}.cells[1].querySelector('a').textContent");

        Assert.Equal(["ip", "provinces", "tasks"], services.Order());
        Assert.Equal(dashboard.WaterfallOrder.Count.ToString(), spanCount);
        Assert.Equal("GET /v1/provinces", name);
        Assert.True(await Browser.EvaluateAsync<bool>($"{row}.querySelector('.error-mark') !== null"));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task TraceDetail_ShowsEverySpanInParentChildOrderAcrossTheThreeServices()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + $"#/traces/{dashboard.TraceId}");
        await Browser.WaitForAsync(
            $"document.getElementById('trace-detail').dataset.spanCount === '{dashboard.WaterfallOrder.Count}'", RenderTimeout);

        var rows = await ReadAsync<ExpectedSpan[]>("""
            [...document.querySelectorAll('#trace-detail .span-row')].map(row => ({
              spanId: row.dataset.spanId,
              parentSpanId: row.dataset.parentSpanId,
              service: row.dataset.service,
              depth: Number(row.dataset.depth),
            }))
            """);

        Assert.Equal(dashboard.WaterfallOrder, rows);
        Assert.Equal(dashboard.TraceId, await Browser.EvaluateAsync<string>("document.getElementById('trace-detail').dataset.traceId"));
        var errorRows = await ReadAsync<string[]>(
            "[...document.querySelectorAll('#trace-detail .span-row.span-error')].map(row => row.dataset.service)");
        Assert.Equal(["ip"], errorRows);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task TraceDetail_ShowsMarkupInTelemetryAsText()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + $"#/traces/{dashboard.TraceId}");
        await Browser.WaitForAsync("document.getElementById('trace-detail').dataset.spanCount", RenderTimeout);

        var names = await ReadAsync<string[]>(
            "[...document.querySelectorAll('#trace-detail .span-name')].map(name => name.textContent)");

        Assert.Contains(SeededDashboard.MarkupSpanName, names);
        Assert.False(await Browser.EvaluateAsync<bool>("document.getElementById('injected') !== null"));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task ClickingASpan_ShowsItsAttributesAndEvents_AndTheScreenshotShowsTheWaterfall()
    {
        var failed = dashboard.WaterfallOrder.Single(span => span.Service == "ip");
        await Browser.NavigateAsync(dashboard.PageUrl + $"#/traces/{dashboard.TraceId}");
        await Browser.WaitForAsync($"document.querySelector('.span-row[data-span-id=\"{failed.SpanId}\"]')", RenderTimeout);

        await Browser.EvaluateAsync<JsonElement>($"document.querySelector('.span-row[data-span-id=\"{failed.SpanId}\"]').click()");
        await Browser.WaitForAsync($"document.getElementById('span-panel').dataset.spanId === '{failed.SpanId}'", RenderTimeout);

        var panel = await Browser.EvaluateAsync<string>("document.getElementById('span-panel').textContent");
        Assert.Contains("patent.number", panel);
        Assert.Contains("VN-1-2024-00042", panel);
        Assert.Contains("cache miss", panel);
        Assert.Contains("patent not found", panel);
        Assert.Equal(
            $"#/logs?traceId={dashboard.TraceId}",
            await Browser.EvaluateAsync<string>("document.getElementById('trace-logs-link').getAttribute('href')"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard-trace.png");
        await Browser.ScreenshotAsync(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 0);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task LogsFilteredByTraceId_ShowExactlyThatTracesLogs_WithVietnameseComposed()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + $"#/logs?traceId={dashboard.TraceId}");
        await Browser.WaitForAsync("document.getElementById('logs').dataset.logCount !== ''", RenderTimeout);

        var rows = await ReadAsync<LogRow[]>("""
            [...document.querySelectorAll('#logs .log-row')].map(row => ({
              traceId: row.dataset.traceId,
              message: row.querySelector('.message').textContent,
              traceLink: row.querySelector('a').getAttribute('href'),
            }))
            """);

        Assert.Equal(dashboard.TraceLogMessages.Select(message => message.Normalize()).Order(), rows.Select(row => row.Message).Order());
        Assert.All(rows, row => Assert.Equal(dashboard.TraceId, row.TraceId));
        Assert.All(rows, row => Assert.Equal($"#/traces/{dashboard.TraceId}", row.TraceLink));
        Assert.Contains(rows, row => row.Message.Contains(SeededDashboard.ProvinceName, StringComparison.Ordinal));
        Assert.Equal(dashboard.TraceId, await Browser.EvaluateAsync<string>("document.getElementById('logs-trace').value"));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task LogsWithoutFilters_IncludeTheLogsOutsideTheTrace()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + "#/logs");
        await Browser.WaitForAsync("document.getElementById('logs').dataset.logCount !== ''", RenderTimeout);

        var traceIds = await ReadAsync<string[]>(
            "[...document.querySelectorAll('#logs .log-row')].map(row => row.dataset.traceId)");

        Assert.Equal(dashboard.TraceLogMessages.Count + 2, traceIds.Length);
        Assert.Contains("", traceIds);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task ChoosingAMinimumLevel_FiltersTheLogs_AndKeepsTheFilterInTheLink()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + "#/logs");
        await Browser.WaitForAsync("document.getElementById('logs').dataset.logCount !== ''", RenderTimeout);

        await Browser.EvaluateAsync<JsonElement>("""
            (() => {
              const level = document.getElementById('logs-level');
              level.value = 'Warning';
              level.dispatchEvent(new Event('change'));
            })()
            """);
        await Browser.WaitForAsync("document.getElementById('logs').dataset.logCount === '2'", RenderTimeout);

        var levels = await ReadAsync<string[]>("[...document.querySelectorAll('#logs .log-row')].map(row => row.dataset.level)");
        Assert.Equal(["Error", "Warning"], levels.Order());
        Assert.Equal("#/logs?level=Warning", await Browser.EvaluateAsync<string>("location.hash"));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task ClickingATrace_OpensItsWaterfall()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + "#/traces");
        var row = $"document.querySelector('.trace-row[data-trace-id=\"{dashboard.TraceId}\"]')";
        await Browser.WaitForAsync(row, RenderTimeout);

        await Browser.EvaluateAsync<JsonElement>($"{row}.cells[0].click()");

        await Browser.WaitForAsync($"document.getElementById('trace-detail')?.dataset.traceId === '{dashboard.TraceId}'", RenderTimeout);
        Assert.Equal($"#/traces/{dashboard.TraceId}", await Browser.EvaluateAsync<string>("location.hash"));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task MetricsView_ChartsTheHistogramsPercentilesPerAttributeSet()
    {
        await Browser.NavigateAsync(dashboard.PageUrl + $"#/metrics?service=ip&name={SeededDashboard.HistogramName}");
        await Browser.WaitForAsync("document.getElementById('metric-chart')", RenderTimeout);

        var chart = await ReadAsync<ChartHooks>("""
            (() => {
              const chart = document.getElementById('metric-chart');
              return {
                seriesCount: Number(chart.dataset.seriesCount),
                polylines: chart.querySelectorAll('polyline').length,
                legend: [...chart.querySelectorAll('.legend li')].map(item => item.textContent),
                axisTitle: chart.querySelector('.axis-title').textContent,
              };
            })()
            """);

        Assert.Equal(2, chart.SeriesCount);
        // P50, P90 and P99 for each of the two attribute sets, each over the two exported points.
        Assert.Equal(6, chart.Polylines);
        Assert.Equal(["outcome=found", "outcome=missing"], chart.Legend.Order());
        Assert.Contains("(ms)", chart.AxisTitle);
        AssertNoPageErrors();
    }

    /// <summary>Evaluates an expression that must produce a value (undefined or null fails the test).</summary>
    private async Task<T> ReadAsync<T>(string expression)
        where T : class
    {
        var value = await Browser.EvaluateAsync<T>(expression);
        Assert.NotNull(value);
        return value;
    }

    private void AssertNoPageErrors() => Assert.Empty(Browser.Errors);

    private sealed record ResourceRow(string Name, string State, string[] Links, string Console);

    private sealed record LogRow(string TraceId, string Message, string TraceLink);

    private sealed record ChartHooks(int SeriesCount, int Polylines, string[] Legend, string AxisTitle);
}
