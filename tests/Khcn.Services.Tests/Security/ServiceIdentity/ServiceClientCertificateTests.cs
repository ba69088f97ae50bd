using Grpc.Core;
using Khcn.Security;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.V1;

namespace Khcn.Services.Tests.Security.ServiceIdentity;

/// <summary>
/// Authentication:ServiceClients:Certificate/Key: a service's clients of other services present its client
/// certificate, so it can call a service that requires mutual TLS.
/// </summary>
public sealed class ServiceClientCertificateTests(TlsSecuredServices services) : IClassFixture<TlsSecuredServices>
{
    [Fact]
    public async System.Threading.Tasks.Task ClientCertificateConfigured_CatalogIsReadFromAProvincesRequiringMutualTls()
    {
        var provinces = await StartProvincesRequiringCertificatesAsync();
        var tasks = await StartTasksCallingAsync(
            provinces,
            $"--Authentication:ServiceClients:Certificate={services.Pki.Client.Certificate}",
            $"--Authentication:ServiceClients:Key={services.Pki.Client.Key}");

        var response = await ListLaiChauAsync(tasks);

        Assert.Empty(response.Tasks);
    }

    [Fact]
    public async System.Threading.Tasks.Task NoClientCertificate_ProvincesRequiringMutualTlsRefusesTheHandshake()
    {
        var provinces = await StartProvincesRequiringCertificatesAsync();
        var tasks = await StartTasksCallingAsync(provinces);

        var refused = await Assert.ThrowsAsync<RpcException>(() => ListLaiChauAsync(tasks));

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
    }

    private Task<ServiceHost> StartProvincesRequiringCertificatesAsync() =>
        services.StartProvincesAsync($"--Authentication:ClientCertificates:TrustedAuthorities={services.Pki.AuthorityPath}");

    private Task<ServiceHost> StartTasksCallingAsync(ServiceHost provinces, params string[] settings) => services.StartTasksAsync(
        services.WriteServiceToken(services.Keys.Mint(KhcnClaims.Scopes.ProvincesRead)),
        ["--Seeds:Load=false", $"--services:provinces:https:0={provinces.Address}", .. settings]);

    private async Task<ListTasksResponse> ListLaiChauAsync(ServiceHost tasks)
    {
        using var channel = services.ChannelTo(tasks);
        return await new TasksService.TasksServiceClient(channel).ListTasksAsync(
            new ListTasksRequest { Filter = "province_code = \"12\"" },
            SecuredCalls.WithToken(services.Keys.Mint(KhcnClaims.Scopes.TasksRead)));
    }
}
