using Grpc.Net.Client;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Services.Tests.Hardening;

/// <summary>
/// Real service hosts started with the settings a hardening test is about; Tasks gets a Provinces of its own for
/// the province catalog. Everything started is stopped on dispose.
/// </summary>
public sealed class HardenedHosts : IAsyncDisposable
{
    private readonly List<ServiceHost> _hosts = [];
    private readonly List<GrpcChannel> _channels = [];

    /// <summary>Tasks with <paramref name="settings"/>, reading the catalog from a plain Provinces.</summary>
    public async Task<ServiceHost> StartTasksAsync(params string[] settings)
    {
        var catalog = await StartProvincesAsync();
        return await StartAsync(
            typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly,
            [$"--services:provinces:http:0={catalog.Address}", .. settings]);
    }

    public Task<ServiceHost> StartProvincesAsync(params string[] settings) =>
        StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly, settings);

    /// <summary>A channel with no client-side message limits, so the server's limits are the ones tested.</summary>
    public GrpcChannel ChannelTo(ServiceHost host)
    {
        var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });
        _channels.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }
    }

    private async Task<ServiceHost> StartAsync(System.Reflection.Assembly service, string[] settings)
    {
        var host = await ServiceHost.StartAsync(service, settings);
        _hosts.Add(host);
        return host;
    }
}
