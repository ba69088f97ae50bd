using Grpc.Net.Client;
using Khcn.Services.Tests.Hosting;
using Khcn.Tests.Tls;

namespace Khcn.Services.Tests.Security.ServiceIdentity;

/// <summary>
/// Provinces and Tasks the way a secured deployment runs them: https with a development CA's server certificate,
/// bearer tokens required, each service on its own SQLite file. Tasks reaches Provinces over https, trusting the
/// development CA (Authentication:ServiceClients:TrustedAuthorities), and calls it on its own behalf with the token in
/// its service token file (Authentication:ServiceToken:File).
/// </summary>
public sealed class TlsSecuredServices : IAsyncLifetime
{
    private readonly ServiceHostGroup _hosts = new("tls-secured");

    public DevelopmentPki Pki { get; } = new();

    public SigningKeys Keys { get; } = new();

    public ServiceHost Provinces { get; private set; } = null!;

    /// <summary>Tasks started with a valid service token (scope provinces.read) and its seeds loaded.</summary>
    public ServiceHost Tasks { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provinces = await StartProvincesAsync();
        Tasks = await StartTasksAsync(WriteServiceToken(Keys.Mint(Khcn.Security.KhcnClaims.Scopes.ProvincesRead)));
    }

    /// <summary>Another Provinces instance (own database), e.g. one requiring client certificates; stopped with the fixture.</summary>
    public Task<ServiceHost> StartProvincesAsync(params string[] settings) =>
        StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly, "provincesdb", settings);

    /// <summary>A token file of its own, for a test that rotates it.</summary>
    public string WriteServiceToken(string token)
    {
        var path = Path.Combine(_hosts.Folder, $"service-token-{Guid.NewGuid():N}.jwt");
        File.WriteAllText(path, token);
        return path;
    }

    /// <summary>
    /// Another Tasks instance (own database) calling <see cref="Provinces"/> as the token in <paramref name="serviceTokenFile"/>;
    /// stopped with the fixture.
    /// </summary>
    public Task<ServiceHost> StartTasksAsync(string serviceTokenFile, params string[] settings) => StartAsync(
        typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly,
        "tasksdb",
        [
            $"--services:provinces:https:0={Provinces.Address}",
            $"--Authentication:ServiceClients:TrustedAuthorities={Pki.AuthorityPath}",
            $"--Authentication:ServiceToken:File={serviceTokenFile}",
            .. settings,
        ]);

    /// <summary>A .NET channel to an https service, trusting the development CA only.</summary>
    public GrpcChannel ChannelTo(ServiceHost service)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = Pki.ServerTrustPolicy();
        return GrpcChannel.ForAddress(service.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public async Task DisposeAsync()
    {
        await _hosts.DisposeAsync();
        Keys.Dispose();
        Pki.Dispose();
    }

    private Task<ServiceHost> StartAsync(System.Reflection.Assembly service, string database, params string[] settings) =>
        _hosts.StartAsync(
            service,
            database,
            [
                .. Keys.ServiceSettings,
                "--urls", "https://127.0.0.1:0",
                $"--Kestrel:Certificates:Default:Path={Pki.Server.Certificate}",
                $"--Kestrel:Certificates:Default:KeyPath={Pki.Server.Key}",
                .. settings,
            ]);
}
