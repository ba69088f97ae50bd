using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Grpc.Net.Client;
using Khcn.Grpc.StandardServices.Tests.Infrastructure;
using Khcn.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Khcn.Grpc.StandardServices.Tests;

/// <summary>grpc.health.v1.Health/Check over a real server, bridged to ASP.NET Core health checks.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task Check_OverallServer_ReturnsServingWhenEveryCheckIsHealthy()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks
            .AddCheck("database", new ToggleHealthCheck(HealthStatus.Healthy))
            .AddCheck("cache", new ToggleHealthCheck(HealthStatus.Healthy)));

        var status = await CheckAsync(server, string.Empty);

        Assert.Equal(ServingStatus.Serving, status);
    }

    [Fact]
    public async Task Check_UnhealthyAspNetCoreHealthCheck_ReturnsNotServing()
    {
        var database = new ToggleHealthCheck(HealthStatus.Healthy);
        await using var server = await HealthTestServer.StartAsync(checks => checks.AddCheck("database", database));
        Assert.Equal(ServingStatus.Serving, await CheckAsync(server, string.Empty));

        database.Status = HealthStatus.Unhealthy;

        // Check evaluates the health checks on every call (no cache by default), so the change is seen at once.
        Assert.Equal(ServingStatus.NotServing, await CheckAsync(server, string.Empty));
    }

    [Fact]
    public async Task Check_DegradedAspNetCoreHealthCheck_ReturnsServing()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks
            .AddCheck("database", new ToggleHealthCheck(HealthStatus.Degraded)));

        Assert.Equal(ServingStatus.Serving, await CheckAsync(server, string.Empty));
    }

    [Fact]
    public async Task Check_ThrowingAspNetCoreHealthCheck_ReturnsNotServing()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks
            .AddCheck("broken", () => throw new InvalidOperationException("The probe itself failed.")));

        Assert.Equal(ServingStatus.NotServing, await CheckAsync(server, string.Empty));
    }

    [Fact]
    public async Task Check_NamedService_CountsOnlyTheChecksItsMappingSelects()
    {
        await using var server = await HealthTestServer.StartAsync(
            checks => checks
                .AddCheck("probe-store", new ToggleHealthCheck(HealthStatus.Healthy), tags: ["probe"])
                .AddCheck("mailer", new ToggleHealthCheck(HealthStatus.Unhealthy), tags: ["mail"]),
            options => options.Services.Map(HealthTestServer.ProbeServiceName, context => context.Tags.Contains("probe")));

        Assert.Equal(ServingStatus.Serving, await CheckAsync(server, HealthTestServer.ProbeServiceName));
        Assert.Equal(ServingStatus.NotServing, await CheckAsync(server, string.Empty));
    }

    [Fact]
    public async Task Check_UnknownService_ReturnsNotFound()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks.AddCheck("database", new ToggleHealthCheck()));

        var error = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(server, "no.such.Service"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Check_StatusSetOnHealthServiceImpl_IsReported()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks.AddCheck("database", new ToggleHealthCheck()));
        var health = server.App.Services.GetRequiredService<HealthServiceImpl>();

        health.SetStatus("khcn.manual.v1.Legacy", ServingStatus.NotServing);

        Assert.Equal(ServingStatus.NotServing, await CheckAsync(server, "khcn.manual.v1.Legacy"));
    }

    [Fact]
    public async Task Check_ClearedStatus_ReturnsNotFound()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks.AddCheck("database", new ToggleHealthCheck()));
        var health = server.App.Services.GetRequiredService<HealthServiceImpl>();
        health.SetStatus("khcn.manual.v1.Legacy", ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, await CheckAsync(server, "khcn.manual.v1.Legacy"));

        health.ClearStatus("khcn.manual.v1.Legacy");

        var error = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(server, "khcn.manual.v1.Legacy"));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private static async Task<ServingStatus> CheckAsync(LoopbackApp server, string service)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Health.HealthClient(channel);
        var response = await client.CheckAsync(new HealthCheckRequest { Service = service }, deadline: TestDeadline.FromNow);
        return response.Status;
    }
}
