using System.Net;
using Grpc.HealthCheck;
using Khcn.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Khcn.Hosting.Tests.Health;

/// <summary>The probe against a real Kestrel server (h2c on loopback) hosting our grpc.health.v1 service.</summary>
public sealed class GrpcHealthProbeTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private HealthServiceImpl _health = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<HealthServiceImpl>();
        _server = builder.Build();
        _server.MapGrpcService<HealthServiceImpl>();
        await _server.StartAsync();
        _health = _server.Services.GetRequiredService<HealthServiceImpl>();
        _address = new Uri(_server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Probe_FollowsTheServingStatusOfTheWholeServer()
    {
        await using var probe = new GrpcHealthProbe(_address);

        _health.SetStatus(string.Empty, ServingStatus.NotServing);
        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));

        _health.SetStatus(string.Empty, ServingStatus.Serving);
        Assert.True(await probe.IsHealthyAsync(CancellationToken.None));

        _health.SetStatus(string.Empty, ServingStatus.NotServing);
        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ServerWithoutAnOverallStatus_IsNotHealthy()
    {
        // Only a named service is known: Check("") answers NOT_FOUND, which is not SERVING.
        _health.SetStatus("khcn.tasks.v1.TaskService", ServingStatus.Serving);
        await using var probe = new GrpcHealthProbe(_address);

        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task NothingListening_IsNotHealthyInsteadOfThrowing()
    {
        var address = _address;
        await _server.StopAsync();
        await using var probe = new GrpcHealthProbe(address);

        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
    }
}
