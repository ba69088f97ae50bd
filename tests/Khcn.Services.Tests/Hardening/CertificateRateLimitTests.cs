using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Provinces.V1;
using Khcn.Security;
using Khcn.Services.Tests.Hosting;
using Khcn.Services.Tests.Security;
using Khcn.Tests.Tls;

namespace Khcn.Services.Tests.Hardening;

/// <summary>
/// Over mutual TLS the rate limit's caller is the system the client certificate names: a token caller connecting
/// from the same address has a bucket of its own.
/// </summary>
public sealed class CertificateRateLimitTests
{
    private const int CallsToExhaust = 50;

    [Fact]
    public async Task CertificateCaller_HasABucketOfItsOwn_ApartFromOtherCallersAtTheSameAddress()
    {
        using var pki = new DevelopmentPki();
        using var tokens = new SigningKeys();
        await using var host = await ServiceHost.StartAsync(
            typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly,
            [
                .. tokens.ServiceSettings,
                "--urls=https://127.0.0.1:0",
                $"--Kestrel:Certificates:Default:Path={pki.Server.Certificate}",
                $"--Kestrel:Certificates:Default:KeyPath={pki.Server.Key}",
                "--Authentication:ClientCertificates:Mode=Allow",
                $"--Authentication:ClientCertificates:TrustedAuthorities={pki.AuthorityPath}",
                $"--Authentication:ClientCertificates:Systems:{DevelopmentPki.CallerSystem}:Scopes:0={KhcnClaims.Scopes.ProvincesRead}",
                // One permit every ten seconds: the exhausted bucket stays empty for the rest of the test.
                "--RateLimiting:PermitsPerSecond=0.1",
                "--RateLimiting:Burst=2",
            ]);
        using var withCertificate = Channel(host, pki, pki.LoadClientCertificate());
        using var withoutCertificate = Channel(host, pki, clientCertificate: null);
        var system = new ProvincesService.ProvincesServiceClient(withCertificate);
        await ExhaustAsync(system);

        var stillRefused = await Assert.ThrowsAsync<RpcException>(() => GetAsync(system));
        var token = tokens.MintFor("can-bo@so-khcn-20.test", "portal-20", KhcnClaims.Scopes.ProvincesRead);
        var tokenCaller = await new ProvincesService.ProvincesServiceClient(withoutCertificate).GetProvinceAsync(
            new GetProvinceRequest { Name = "provinces/20" },
            new Metadata { { "authorization", "Bearer " + token } },
            HardenedCalls.Deadline);

        Assert.Equal("RATE_LIMITED", HardenedCalls.ReasonOf(stillRefused));
        Assert.Equal("provinces/20", tokenCaller.Name);
    }

    private static GrpcChannel Channel(ServiceHost host, DevelopmentPki pki, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = pki.ServerTrustPolicy(),
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            },
        };
        return GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    private static async Task<Province> GetAsync(ProvincesService.ProvincesServiceClient client) =>
        await client.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/20" }, deadline: HardenedCalls.Deadline);

    private static async Task ExhaustAsync(ProvincesService.ProvincesServiceClient client)
    {
        for (var i = 0; i < CallsToExhaust; i++)
        {
            try
            {
                await GetAsync(client);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"{CallsToExhaust} calls in a row were all served.");
    }
}
