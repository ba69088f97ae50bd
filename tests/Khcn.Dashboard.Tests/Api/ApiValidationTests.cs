using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.Dashboard.Api;
using Khcn.Dashboard.Tests.Infrastructure;

namespace Khcn.Dashboard.Tests.Api;

public sealed class ApiValidationTests
{
    [Theory]
    [InlineData("/api/traces?limit=0", "limit")]
    [InlineData("/api/traces?limit=5001", "limit")]
    [InlineData("/api/traces?limit=ten", "limit")]
    [InlineData("/api/logs?limit=-1", "limit")]
    [InlineData("/api/logs?level=Verbose", "level")]
    [InlineData("/api/logs?after=x", "after")]
    [InlineData("/api/resources/provinces/console?after=-3", "after")]
    [InlineData("/api/metrics/series?service=orders", "name")]
    public async Task BadQueryValue_Is400NamingTheField(string path, string field)
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        using var response = await dashboard.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<ApiError>(JsonSerializerOptions.Web))!;
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Error));
    }

    [Theory]
    [InlineData("/api/traces/0af7651916cd43dd8448eb211c80319c", "traceId")]
    [InlineData("/api/resources/nope/console", "name")]
    [InlineData("/api/metrics/series?service=orders&name=nothing", "name")]
    public async Task UnknownItem_Is404(string path, string field)
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        using var response = await dashboard.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<ApiError>(JsonSerializerOptions.Web))!.Field);
    }

    [Fact]
    public async Task LimitAtTheMaximum_IsAccepted()
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        Assert.Empty(await dashboard.GetJsonAsync<TraceSummary[]>("/api/traces?limit=5000"));
    }
}
