using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.Dashboard.Api;
using Khcn.Dashboard.Resources;

namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>Reads the dashboard's JSON API at the address the AppHost printed, with the dashboard's own records.</summary>
public sealed class DashboardClient(Uri dashboard) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = new() { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(30) };

    public Task<List<ResourceSnapshot>?> ResourcesAsync() => _http.GetFromJsonAsync<List<ResourceSnapshot>>("api/resources", Json);

    public Task<List<LogView>?> LogsAsync(string query) => _http.GetFromJsonAsync<List<LogView>>($"api/logs?{query}", Json);

    public Task<List<MetricInstrument>?> MetricsAsync(string service) => _http.GetFromJsonAsync<List<MetricInstrument>>($"api/metrics?service={service}", Json);

    /// <summary>The trace as the dashboard has it now; null while it has none of its spans.</summary>
    public async Task<TraceDetail?> TraceAsync(string traceId)
    {
        using var response = await _http.GetAsync($"api/traces/{traceId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TraceDetail>(Json);
    }

    /// <summary>
    /// Polls until <paramref name="complete"/> holds: each service exports its spans in its own batches, so a trace
    /// fills in over a few seconds.
    /// </summary>
    public async Task<TraceDetail?> WaitForTraceAsync(string traceId, Func<TraceDetail, bool> complete, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        TraceDetail? trace;
        do
        {
            trace = await TraceAsync(traceId);
            if (trace is not null && complete(trace))
            {
                return trace;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        while (DateTime.UtcNow < deadline);

        return trace;
    }

    public void Dispose() => _http.Dispose();
}
