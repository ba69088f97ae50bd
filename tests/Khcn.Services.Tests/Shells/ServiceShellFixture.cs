using System.Reflection;
using Grpc.Net.Client;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Services.Tests.Shells;

/// <summary>One running service and a channel to it, shared by the tests of one class.</summary>
public abstract class ServiceShellFixture(Assembly serviceAssembly) : IAsyncLifetime
{
    private ServiceHost? _host;
    private GrpcChannel? _channel;

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _host = await ServiceHost.StartAsync(serviceAssembly);
        _channel = GrpcChannel.ForAddress(_host.Address);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

public sealed class ProvincesFixture() : ServiceShellFixture(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly);

public sealed class TasksFixture() : ServiceShellFixture(typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly);

public sealed class IntellectualPropertyFixture() : ServiceShellFixture(typeof(Khcn.IntellectualProperty.Grpc.IntellectualPropertyGrpcService).Assembly);
