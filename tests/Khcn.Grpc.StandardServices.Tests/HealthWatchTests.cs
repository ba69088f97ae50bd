using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Grpc.Net.Client;
using Khcn.Grpc.StandardServices.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Khcn.Grpc.StandardServices.Tests;

/// <summary>grpc.health.v1.Health/Watch: current status first, then every change, until the client leaves.</summary>
public sealed class HealthWatchTests
{
    [Fact]
    public async Task Watch_SendsCurrentStatusFirst()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks
            .AddCheck("database", new ToggleHealthCheck(HealthStatus.Unhealthy)));
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var call = new Health.HealthClient(channel).Watch(new HealthCheckRequest(), deadline: TestDeadline.FromNow);

        Assert.Equal(ServingStatus.NotServing, await NextStatusAsync(call));
    }

    [Fact]
    public async Task Watch_StatusChangeOnHealthServiceImpl_IsStreamed()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks.AddCheck("database", new ToggleHealthCheck()));
        var health = server.App.Services.GetRequiredService<HealthServiceImpl>();
        health.SetStatus("khcn.manual.v1.Legacy", ServingStatus.Serving);
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var call = new Health.HealthClient(channel).Watch(new HealthCheckRequest { Service = "khcn.manual.v1.Legacy" }, deadline: TestDeadline.FromNow);
        Assert.Equal(ServingStatus.Serving, await NextStatusAsync(call));

        health.SetStatus("khcn.manual.v1.Legacy", ServingStatus.NotServing);

        Assert.Equal(ServingStatus.NotServing, await NextStatusAsync(call));
    }

    [Fact]
    public async Task Watch_UnknownService_SendsServiceUnknownAndKeepsTheCallOpen()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks.AddCheck("database", new ToggleHealthCheck()));
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var call = new Health.HealthClient(channel).Watch(new HealthCheckRequest { Service = "khcn.later.v1.Late" }, deadline: TestDeadline.FromNow);
        Assert.Equal(ServingStatus.ServiceUnknown, await NextStatusAsync(call));

        // health-checking.md: when the service becomes known later, the same call reports it.
        server.App.Services.GetRequiredService<HealthServiceImpl>().SetStatus("khcn.later.v1.Late", ServingStatus.Serving);

        Assert.Equal(ServingStatus.Serving, await NextStatusAsync(call));
    }

    [Fact]
    public async Task Watch_FailingHealthCheck_IsStreamedByPeriodicReevaluation()
    {
        var database = new ToggleHealthCheck(HealthStatus.Healthy);
        await using var server = await HealthTestServer.StartAsync(
            checks => checks.AddCheck("database", database),
            evaluationPeriod: TimeSpan.FromSeconds(1));
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var call = new Health.HealthClient(channel).Watch(new HealthCheckRequest(), deadline: TestDeadline.FromNow);
        Assert.Equal(ServingStatus.Serving, await NextStatusAsync(call));

        // Nobody calls Check: only the periodic evaluation can notice the failure.
        database.Status = HealthStatus.Unhealthy;

        Assert.Equal(ServingStatus.NotServing, await NextStatusAsync(call));
    }

    [Fact]
    public async Task Watch_ClientCancellation_EndsTheCallAndReleasesTheWatcher()
    {
        await using var server = await HealthTestServer.StartAsync(checks => checks.AddCheck("database", new ToggleHealthCheck()));
        var health = server.App.Services.GetRequiredService<HealthServiceImpl>();
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var cancellation = new CancellationTokenSource();
        using var call = new Health.HealthClient(channel).Watch(new HealthCheckRequest(), deadline: TestDeadline.FromNow, cancellationToken: cancellation.Token);
        Assert.Equal(ServingStatus.Serving, await NextStatusAsync(call));
        Assert.Equal(1, health.CountWatchers(string.Empty));

        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        // The server learns of the cancellation through the HTTP/2 RST_STREAM, a moment later.
        await WaitUntilAsync(() => health.CountWatchers(string.Empty) == 0);
    }

    [Fact]
    public async Task Watch_ApplicationStopping_SendsNotServingAndCompletesTheCall()
    {
        var server = await HealthTestServer.StartAsync(checks => checks.AddCheck("database", new ToggleHealthCheck()));
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var call = new Health.HealthClient(channel).Watch(new HealthCheckRequest(), deadline: TestDeadline.FromNow);
        Assert.Equal(ServingStatus.Serving, await NextStatusAsync(call));

        var stopping = server.DisposeAsync().AsTask();

        Assert.Equal(ServingStatus.NotServing, await NextStatusAsync(call));
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        await stopping;
    }

    private static async Task<ServingStatus> NextStatusAsync(AsyncServerStreamingCall<HealthCheckResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "The watch ended instead of sending a status.");
        return call.ResponseStream.Current.Status;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var giveUp = DateTime.UtcNow + TestDeadline.Generous;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "The condition never became true.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
