using Grpc.Core;
using Grpc.Net.Client;
using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.V1;
using Khcn.Security;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.V1;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// Provinces, Tasks and IntellectualProperty with authentication on (Tasks and IP read the province catalog from
/// this Provinces), the channels to all three, and the tokens the province-write tests call with.
/// </summary>
public sealed class ProvinceWriteSuite : IAsyncLifetime
{
    private readonly List<ServiceHost> _hosts = [];
    private readonly List<GrpcChannel> _channels = [];

    public SigningKeys Keys { get; } = new();

    public ProvincesService.ProvincesServiceClient Provinces { get; private set; } = null!;

    public TasksService.TasksServiceClient Tasks { get; private set; } = null!;

    public IntellectualPropertyService.IntellectualPropertyServiceClient IntellectualProperty { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var provinces = await StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly);
        var catalog = $"--services:provinces:http:0={provinces.Address}";
        var tasks = await StartAsync(typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly, catalog);
        var ip = await StartAsync(typeof(Khcn.IntellectualProperty.Grpc.IntellectualPropertyGrpcService).Assembly, catalog);
        Provinces = new ProvincesService.ProvincesServiceClient(Open(provinces));
        Tasks = new TasksService.TasksServiceClient(Open(tasks));
        IntellectualProperty = new IntellectualPropertyService.IntellectualPropertyServiceClient(Open(ip));
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        Keys.Dispose();
    }

    /// <summary>A provincial department's system: read and write scopes of every service, for <paramref name="provinces"/>.</summary>
    public CallOptions Province(params string[] provinces) => SecuredCalls.WithToken(Keys.Mint(
        new TokenShape([.. ReadAndWrite]) { Provinces = provinces }));

    /// <summary>The Ministry's system: the Ministry scope and the write scopes, no province named.</summary>
    public CallOptions MinistryWriter => SecuredCalls.WithToken(Keys.Mint(
        new TokenShape([KhcnClaims.Scopes.Ministry, KhcnClaims.Scopes.ProvincesWrite, KhcnClaims.Scopes.TasksWrite, KhcnClaims.Scopes.IntellectualPropertyWrite])));

    /// <summary>The Ministry reading: its scope alone.</summary>
    public CallOptions MinistryReader => SecuredCalls.WithToken(Keys.Mint(KhcnClaims.Scopes.Ministry));

    private static IEnumerable<string> ReadAndWrite =>
    [
        KhcnClaims.Scopes.ProvincesRead, KhcnClaims.Scopes.ProvincesWrite,
        KhcnClaims.Scopes.TasksRead, KhcnClaims.Scopes.TasksWrite,
        KhcnClaims.Scopes.IntellectualPropertyRead, KhcnClaims.Scopes.IntellectualPropertyWrite,
    ];

    private GrpcChannel Open(ServiceHost host)
    {
        var channel = GrpcChannel.ForAddress(host.Address);
        _channels.Add(channel);
        return channel;
    }

    private async Task<ServiceHost> StartAsync(System.Reflection.Assembly service, params string[] settings)
    {
        var host = await ServiceHost.StartAsync(service, [.. Keys.ServiceSettings, .. settings]);
        _hosts.Add(host);
        return host;
    }
}

[CollectionDefinition(Name)]
public sealed class ProvinceWriteCollection : ICollectionFixture<ProvinceWriteSuite>
{
    public const string Name = "province writes";
}
