using System.Net.Http.Json;
using System.Text.Json;

namespace Khcn.Dashboard.Tests.Infrastructure;

/// <summary>A dashboard on free ports with a client for its JSON API; disposing stops both.</summary>
public sealed class RunningDashboard : IAsyncDisposable
{
    private RunningDashboard(DashboardHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = host.BrowserUrl };
    }

    public DashboardHost Host { get; }

    public HttpClient Http { get; }

    public static async Task<RunningDashboard> StartAsync(StoreLimits? limits = null) =>
        new(await DashboardHost.StartAsync(new DashboardOptions { Limits = limits ?? new StoreLimits() }, new FixedResourceCatalog()));

    /// <summary>GETs an API path expecting 200 and reads its JSON (camelCase, as the page does).</summary>
    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
