using Khcn.Provinces.V1;
using Khcn.Security;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// A caller proved by its client certificate alone has no token for the service to carry on. Its calls onward go
/// without one, never with the service's own token: that token may be wider than the caller's grants (here it reads
/// Tasks, the caller may not), and lending it would let the caller read through the service.
/// </summary>
public sealed class CertificateCallerForwardingTests : IAsyncLifetime
{
    private const string OverviewReader = "overview-reader";

    private readonly ServiceHostGroup _hosts = new("certificate-forwarding");
    private readonly SystemCertificates _certificates = new(OverviewReader);
    private readonly SigningKeys _keys = new();
    private Uri _provinces = null!;

    [Fact]
    public async Task CertificateCaller_CallsOnwardCarryNoToken_NotTheServicesOwn()
    {
        using var channel = _certificates.Channel(_provinces, OverviewReader);

        var overview = await new ProvincesService.ProvincesServiceClient(channel)
            .GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Name = "provinces/44/overview" }, SecuredCalls.Anonymous);

        // The service token would have been accepted by Tasks (tasks.read): the refusal shows it was not sent.
        var tasks = Assert.Single(overview.MissingParts, part => part.Service == "khcn.tasks.v1.TasksService");
        Assert.Equal("UNAUTHENTICATED", tasks.StatusCode);
        Assert.Equal("Quảng Trị", overview.Province.DisplayName);
    }

    public async Task InitializeAsync()
    {
        var catalog = await _hosts.StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly, "provincesdb", []);
        var tasks = await _hosts.StartAsync(
            typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly,
            "tasksdb",
            [.. _keys.ServiceSettings, $"--services:provinces:http:0={catalog.Address}", "--Seeds:Load=false"]);

        var serviceToken = Path.Combine(_hosts.Folder, "provinces.token");
        await File.WriteAllTextAsync(serviceToken, _keys.Mint(KhcnClaims.Scopes.ProvincesRead, KhcnClaims.Scopes.TasksRead, KhcnClaims.Scopes.Read(KhcnClaims.Services.IntellectualProperty)));
        var provinces = await _hosts.StartAsync(
            typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly,
            "provincesdb",
            [
                .. _certificates.ServerSettings,
                "--Authentication:ClientCertificates:Mode=Require",
                $"--Authentication:ClientCertificates:TrustedAuthorities={_certificates.AuthorityPath}",
                $"--Authentication:ClientCertificates:Systems:{OverviewReader}:Scopes:0={KhcnClaims.Scopes.ProvincesRead}",
                $"--Authentication:ServiceToken:File={serviceToken}",
                $"--services:tasks:http:0={tasks.Address}",
            ]);
        _provinces = provinces.Address;
    }

    public async Task DisposeAsync()
    {
        await _hosts.DisposeAsync();
        _keys.Dispose();
        _certificates.Dispose();
    }
}
