using System.Reflection;
using Grpc.Net.Client;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Tests.Infrastructure;

/// <summary>
/// A service under test (its real Program on a loopback port, over a database of one provider) beside the real services
/// it calls. A test project derives once per service, naming the service, its client and the services it calls, and
/// once more per provider; the tests written against that class then run once per provider.
/// </summary>
/// <typeparam name="TClient">The generated client of the service under test.</typeparam>
public abstract class ServiceUnderTest<TClient> : IAsyncLifetime
    where TClient : class
{
    private readonly List<GrpcChannel> _channels = [];
    private readonly List<ServiceHost> _dependencies = [];
    private ServiceHost? _host;
    private string[] _arguments = [];

    public ServiceHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public TClient Client { get; private set; } = null!;

    /// <summary>Which provider this fixture runs on, for messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>The assembly holding the service's Program.</summary>
    protected abstract Assembly ServiceAssembly { get; }

    /// <summary>Whether the service loads its seeds at start; off by default so counts start from an empty register.</summary>
    protected virtual bool LoadSeeds => false;

    /// <summary>Command-line settings selecting the database.</summary>
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    /// <summary>
    /// Starts the services this one calls (through <see cref="StartDependencyAsync"/>) and returns the settings that point
    /// the service at them.
    /// </summary>
    protected abstract Task<string[]> StartDependenciesAsync();

    /// <summary>The service's client over <paramref name="channel"/>.</summary>
    protected abstract TClient CreateClient(GrpcChannel channel);

    /// <summary>A new client on its own connection (e.g. for a watcher that must not share the caller's stream limits).</summary>
    public TClient NewClient() => CreateClient(Channel(Host));

    /// <summary>
    /// Another instance of the service over the same database and the same services it calls, e.g. to check that a
    /// restart changes nothing.
    /// </summary>
    public Task<ServiceHost> StartAgainAsync() => ServiceHost.StartAsync(ServiceAssembly, _arguments);

    public async Task InitializeAsync()
    {
        var dependencies = await StartDependenciesAsync();
        _arguments = [.. await DatabaseArgumentsAsync(), .. dependencies, $"--Seeds:Load={LoadSeeds}"];
        _host = await ServiceHost.StartAsync(ServiceAssembly, _arguments);
        Client = NewClient();
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        // The services called last were started last (they may call the earlier ones): stop them first.
        for (var i = _dependencies.Count - 1; i >= 0; i--)
        {
            await _dependencies[i].DisposeAsync();
        }
    }

    /// <summary>Starts a service this one calls; it is stopped with the fixture.</summary>
    protected async Task<ServiceHost> StartDependencyAsync(Assembly serviceAssembly, params string[] arguments)
    {
        var host = await ServiceHost.StartAsync(serviceAssembly, arguments);
        _dependencies.Add(host);
        return host;
    }

    /// <summary>A channel to <paramref name="host"/>, disposed with the fixture.</summary>
    protected GrpcChannel Channel(ServiceHost host)
    {
        var channel = GrpcChannel.ForAddress(host.Address);
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return channel;
    }
}
