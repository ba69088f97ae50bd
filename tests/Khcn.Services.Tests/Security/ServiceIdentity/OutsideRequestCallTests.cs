using Grpc.Core;
using Grpc.Net.ClientFactory;
using Khcn.Provinces.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Khcn.Services.Tests.Security.ServiceIdentity;

/// <summary>
/// A call another service's client makes outside any request (background work) carries the service's own token;
/// without one configured it carries none.
/// </summary>
public sealed class OutsideRequestCallTests(TlsSecuredServices services) : IClassFixture<TlsSecuredServices>
{
    [Fact]
    public async Task OutsideARequest_TheServiceTokenIsSent()
    {
        var tokenFile = services.WriteServiceToken(services.Keys.Mint(Khcn.Security.KhcnClaims.Scopes.ProvincesRead));
        using var host = ClientHost(tokenFile);

        var response = await ProvincesClient(host).ListProvincesAsync(new ListProvincesRequest(), deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.NotEmpty(response.Provinces);
    }

    [Fact]
    public async Task OutsideARequest_WithoutAServiceToken_NoTokenIsSent()
    {
        using var host = ClientHost(serviceTokenFile: null);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            ProvincesClient(host).ListProvincesAsync(new ListProvincesRequest(), deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private IHost ClientHost(string? serviceTokenFile)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:provinces:https:0"] = services.Provinces.Address.ToString(),
            ["Authentication:ServiceClients:TrustedAuthorities"] = services.Pki.AuthorityPath,
            ["Authentication:ServiceToken:File"] = serviceTokenFile,
        });
        builder.AddServiceClient<ProvincesService.ProvincesServiceClient>("provinces", ProvincesService.Descriptor);
        return builder.Build();
    }

    private static ProvincesService.ProvincesServiceClient ProvincesClient(IHost host) =>
        host.Services.GetRequiredService<GrpcClientFactory>().CreateClient<ProvincesService.ProvincesServiceClient>("provinces");
}
