using System.Net;
using Khcn.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Hosting.Tests.Health;

/// <summary>The probe against a real Kestrel server on an HTTP/1.1-only loopback port, as a service's health port is.</summary>
public sealed class HttpHealthProbeTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _server = null!;
    private Uri _address = null!;
    private int _status = StatusCodes.Status200OK;
    private bool _hang;
    private string? _probedPath;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        _server = builder.Build();
        _server.Run(async context =>
        {
            _probedPath = context.Request.Path;
            if (_hang)
            {
                await _released.Task;
            }

            context.Response.StatusCode = _status;
        });
        await _server.StartAsync();
        _address = new Uri(_server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        _released.TrySetResult();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Ok_from_the_health_path_is_healthy()
    {
        await using var probe = new HttpHealthProbe(_address);

        Assert.True(await probe.IsHealthyAsync(CancellationToken.None));
        Assert.Equal("/health", _probedPath);
    }

    [Fact]
    public async Task Service_unavailable_is_not_healthy_and_the_next_ok_is()
    {
        await using var probe = new HttpHealthProbe(_address);

        _status = StatusCodes.Status503ServiceUnavailable;
        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));

        _status = StatusCodes.Status200OK;
        Assert.True(await probe.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_listening_is_not_healthy_instead_of_throwing()
    {
        var address = _address;
        await _server.StopAsync();
        await using var probe = new HttpHealthProbe(address);

        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_not_healthy()
    {
        _hang = true;
        await using var probe = new HttpHealthProbe(_address);

        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_probe_is_not_healthy_instead_of_throwing()
    {
        await using var probe = new HttpHealthProbe(_address);

        Assert.False(await probe.IsHealthyAsync(new CancellationToken(canceled: true)));
    }
}
