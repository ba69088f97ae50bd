using Grpc.Net.Client;
using Khcn.Services.Tests.Hosting;
using Khcn.Services.Tests.Security;

namespace Khcn.Services.Tests.Audit;

/// <summary>
/// The three services with authentication on, each on a database of its own (so the audit log holds only these
/// tests' writes), plus one Provinces with authentication off. Tasks and IntellectualProperty read the province catalog
/// from the secured Provinces with the caller's token; their seeds are not loaded (seeding needs a service token).
/// </summary>
public sealed class AuditedServices : IAsyncLifetime
{
    private readonly ServiceHostGroup _hosts = new("audit-tests");

    public SigningKeys Keys { get; } = new();

    public GrpcChannel Provinces { get; private set; } = null!;

    public GrpcChannel Tasks { get; private set; } = null!;

    public GrpcChannel IntellectualProperty { get; private set; } = null!;

    /// <summary>A Provinces without authentication (the AppHost's development run).</summary>
    public GrpcChannel AnonymousProvinces { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var provinces = await _hosts.StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly, "provincesdb", [.. Keys.ServiceSettings]);
        var catalog = $"--services:provinces:http:0={provinces.Address}";
        var tasks = await _hosts.StartAsync(typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly, "tasksdb", [.. Keys.ServiceSettings, catalog, "--Seeds:Load=false"]);
        var ip = await _hosts.StartAsync(
            typeof(Khcn.IntellectualProperty.Grpc.IntellectualPropertyGrpcService).Assembly, "ipdb", [.. Keys.ServiceSettings, catalog, "--Seeds:Load=false"]);
        var anonymous = await _hosts.StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly, "provincesdb", []);

        Provinces = GrpcChannel.ForAddress(provinces.Address);
        Tasks = GrpcChannel.ForAddress(tasks.Address);
        IntellectualProperty = GrpcChannel.ForAddress(ip.Address);
        AnonymousProvinces = GrpcChannel.ForAddress(anonymous.Address);
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in new[] { Provinces, Tasks, IntellectualProperty, AnonymousProvinces })
        {
            channel?.Dispose();
        }

        await _hosts.DisposeAsync();
        Keys.Dispose();
    }
}
