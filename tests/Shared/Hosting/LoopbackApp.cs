using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Tests.Hosting;

/// <summary>
/// A started <see cref="WebApplication"/> that listens on a loopback port the OS picked, with the address it got.
/// The caller builds the app (Kestrel bound to port 0, its services, its endpoints); this class starts and stops it.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private LoopbackApp(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    /// <summary>The bound address, e.g. http://127.0.0.1:41234: the first one when the app listens on several.</summary>
    public Uri Address { get; }

    /// <summary>Starts <paramref name="app"/>; port 0 is only known once Kestrel has bound, so the address is read after.</summary>
    public static async Task<LoopbackApp> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new LoopbackApp(app, new Uri(addresses.First()));
    }

    /// <summary>
    /// Stops the app before disposing it: stopping runs the hosted services' shutdown, which flushes telemetry
    /// exporters, so every span the app ended has been exported when this returns.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
