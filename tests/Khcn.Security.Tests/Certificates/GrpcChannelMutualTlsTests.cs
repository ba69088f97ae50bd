using Grpc.Health.V1;
using Grpc.Net.Client;
using Khcn.Security.Certificates;
using Khcn.Tests.Tls;

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
        handler.SslOptions.CertificateChainPolicy = pki.ServerTrustPolicy();
        handler.SslOptions.ClientCertificates = [clientCertificate];
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{server.Port}", new GrpcChannelOptions { HttpHandler = handler });

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddMinutes(2));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        Assert.Equal([DevelopmentPki.CallerSystem], server.CallerSystems);
    }
}
