using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Khcn.Security.Certificates;

namespace Khcn.Security.Tests.Certificates;

/// <summary>Our own gRPC client as a calling system: it trusts the development authority and presents its client certificate.</summary>
public sealed class GrpcChannelMutualTlsTests
{
    [Fact]
    public async Task GrpcChannel_TrustingTheAuthorityAndPresentingItsCertificate_IsServedAndIdentified()
    {
        using var pki = new DevelopmentPki();
        await using var server = await TlsHealthServer.StartAsync(pki.LoadServerCertificate(), new CertificateChainValidator(pki.LoadAuthorities()));
        using var clientCertificate = pki.LoadClientCertificate();
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = TrustOnly(pki.LoadAuthorities());
        handler.SslOptions.ClientCertificates = [clientCertificate];
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{server.Port}", new GrpcChannelOptions { HttpHandler = handler });

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddMinutes(2));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        Assert.Equal([DevelopmentPki.CallerSystem], server.CallerSystems);
    }

    // The server's certificate is checked against the development authority alone, not the machine's roots.
    private static X509ChainPolicy TrustOnly(X509Certificate2Collection authorities)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.AddRange(authorities);
        policy.ApplicationPolicy.Add(CertificatePurposes.ServerAuthentication);
        return policy;
    }
}
