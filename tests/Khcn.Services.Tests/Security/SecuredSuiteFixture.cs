using Grpc.Net.Client;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// Provinces, Tasks and IntellectualProperty with authentication on, all trusting the same issuer keys, wired the way
/// the AppHost wires them: Provinces' overview calls Tasks and IntellectualProperty, and Tasks reads the province
/// catalog from a Provinces instance of its own (the overview's Provinces needs Tasks' address first).
/// </summary>
public sealed class SecuredSuiteFixture : IAsyncLifetime
{
    private readonly List<ServiceHost> _hosts = [];

    public SigningKeys Keys { get; } = new();

    public GrpcChannel Provinces { get; private set; } = null!;

    public GrpcChannel Tasks { get; private set; } = null!;

    /// <summary>The overview's Provinces, e.g. http://127.0.0.1:41234.</summary>
    public Uri ProvincesAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var reference = await StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly);
        var tasks = await StartAsync(typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly, $"--services:provinces:http:0={reference.Address}");
        var ip = await StartAsync(typeof(Khcn.IntellectualProperty.Grpc.IntellectualPropertyGrpcService).Assembly, $"--services:provinces:http:0={reference.Address}");
        var provinces = await StartAsync(
            typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly,
            $"--services:tasks:http:0={tasks.Address}",
            $"--services:ip:http:0={ip.Address}");

        ProvincesAddress = provinces.Address;
        Provinces = GrpcChannel.ForAddress(provinces.Address);
        Tasks = GrpcChannel.ForAddress(tasks.Address);
    }

    public async Task DisposeAsync()
    {
        Provinces?.Dispose();
        Tasks?.Dispose();
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        Keys.Dispose();
    }

    private async Task<ServiceHost> StartAsync(System.Reflection.Assembly service, params string[] settings)
    {
        var host = await ServiceHost.StartAsync(service, [.. Keys.ServiceSettings, .. settings]);
        _hosts.Add(host);
        return host;
    }
}
