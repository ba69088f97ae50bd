using Grpc.Net.Client;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// Provinces, Tasks and IntellectualProperty with authentication on, all trusting the same issuer keys, wired the way
/// the AppHost wires them: Provinces' overview calls Tasks and IntellectualProperty, and Tasks reads the province
/// catalog from a Provinces instance of its own (the overview's Provinces needs Tasks' address first). Tasks and
/// IntellectualProperty each have a service token (provinces.read), as in a secure deployment, so their seeds are
/// loaded at start-up.
/// </summary>
public sealed class SecuredSuiteFixture : IAsyncLifetime
{
    // Outlives a class's tests; SigningKeys dates a token's start 30 minutes before its end, so no longer than that.
    private static readonly TimeSpan ServiceTokenLifetime = TimeSpan.FromMinutes(29);

    private readonly List<ServiceHost> _hosts = [];
    private readonly string _tokenFolder = Directory.CreateTempSubdirectory("khcn-secured-suite-").FullName;

    public SigningKeys Keys { get; } = new();

    public GrpcChannel Provinces { get; private set; } = null!;

    public GrpcChannel Tasks { get; private set; } = null!;

    /// <summary>The overview's Provinces, e.g. http://127.0.0.1:41234.</summary>
    public Uri ProvincesAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var reference = await StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly);
        var tasks = await StartAsync(
            typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly,
            $"--services:provinces:http:0={reference.Address}",
            $"--Authentication:ServiceToken:File={WriteServiceToken("tasks")}");
        var ip = await StartAsync(
            typeof(Khcn.IntellectualProperty.Grpc.IntellectualPropertyGrpcService).Assembly,
            $"--services:provinces:http:0={reference.Address}",
            $"--Authentication:ServiceToken:File={WriteServiceToken("ip")}");
        var provinces = await StartAsync(
            typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly,
            $"--services:tasks:http:0={tasks.Address}",
            $"--services:ip:http:0={ip.Address}",
            // The default 2 s is for production; a busy test machine's first, cold count can take longer, and these
            // tests are about who may call, not about deadlines.
            "--Overview:DependencyDeadline=00:00:15");

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
        Directory.Delete(_tokenFolder, recursive: true);
    }

    /// <summary>The token file of <paramref name="service"/>, shaped like the AppHost's: subject service:&lt;name&gt;, provinces.read.</summary>
    private string WriteServiceToken(string service)
    {
        var path = Path.Combine(_tokenFolder, $"{service}.token");
        var token = Keys.Mint(new TokenShape([Khcn.Security.KhcnClaims.Scopes.ProvincesRead])
        {
            Subject = $"service:{service}",
            ClientId = $"service:{service}",
            ExpiresIn = ServiceTokenLifetime,
        });
        File.WriteAllText(path, token); // the folder is the user's own (CreateTempSubdirectory makes it 0700)
        return path;
    }

    private async Task<ServiceHost> StartAsync(System.Reflection.Assembly service, params string[] settings)
    {
        var host = await ServiceHost.StartAsync(service, [.. Keys.ServiceSettings, .. settings]);
        _hosts.Add(host);
        return host;
    }
}
