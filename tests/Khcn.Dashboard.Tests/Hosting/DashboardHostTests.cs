using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Khcn.Dashboard.Tests.Infrastructure;

namespace Khcn.Dashboard.Tests.Hosting;

public sealed class DashboardHostTests
{
    [Fact]
    public async Task PortZero_TakesFreePorts_AndReportsThemAsLoopbackUrls()
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        var browser = dashboard.Host.BrowserUrl;
        var grpc = dashboard.Host.OtlpGrpcEndpoint;
        Assert.Equal(("http", "127.0.0.1", "/"), (browser.Scheme, browser.Host, browser.AbsolutePath));
        Assert.Equal(("http", "127.0.0.1"), (grpc.Scheme, grpc.Host));
        Assert.NotEqual(0, browser.Port);
        Assert.NotEqual(0, grpc.Port);
        Assert.NotEqual(browser.Port, grpc.Port);
        Assert.Equal(browser, dashboard.Host.OtlpHttpEndpoint);
    }

    [Fact]
    public async Task FixedPortInUse_FailsWithIOException()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var busyPort = ((IPEndPoint)occupant.LocalEndpoint).Port;

        await Assert.ThrowsAsync<IOException>(() =>
            DashboardHost.StartAsync(new DashboardOptions { BrowserPort = busyPort }, new FixedResourceCatalog()));
    }

    [Fact]
    public async Task Dispose_ReleasesTheFixedPorts()
    {
        var browserPort = FreePort();
        var grpcPort = FreePort();
        var options = new DashboardOptions { BrowserPort = browserPort, OtlpGrpcPort = grpcPort };

        await (await DashboardHost.StartAsync(options, new FixedResourceCatalog())).DisposeAsync();
        await using var again = await DashboardHost.StartAsync(options, new FixedResourceCatalog());

        Assert.Equal(browserPort, again.BrowserUrl.Port);
        Assert.Equal(grpcPort, again.OtlpGrpcEndpoint.Port);
    }

    [Fact]
    public async Task DashboardRequests_AreNotTracedByListenersOfAspNetCoreInTheSameProcess()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        // A request that continues a trace: an ASP.NET Core request activity for it would carry this trace id.
        var callerTraceId = ActivityTraceId.CreateRandom();
        var seenTraceIds = new List<ActivityTraceId>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                lock (seenTraceIds)
                {
                    seenTraceIds.Add(activity.TraceId);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/traces");
        request.Headers.Add("traceparent", $"00-{callerTraceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await dashboard.Http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        lock (seenTraceIds)
        {
            Assert.DoesNotContain(callerTraceId, seenTraceIds);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
