using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class TransportTests
{
    private static X509Certificate2 CreateLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-import so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public async Task HttpAddress_UsesHttp2PriorKnowledge()
    {
        string? protocol = null, scheme = null;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            protocol = context.Request.Protocol;
            scheme = context.Request.Scheme;
            await GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);

        await new EchoService.EchoServiceClient(channel).GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang();

        Assert.Equal("HTTP/2", protocol);
        Assert.Equal("http", scheme);
    }

    [Fact]
    public async Task HttpsAddress_NegotiatesHttp2WithAlpn()
    {
        using var certificate = CreateLoopbackCertificate();
        string? protocol = null, scheme = null;
        await using var server = await RawGrpcServer.StartAsync(
            async context =>
            {
                protocol = context.Request.Protocol;
                scheme = context.Request.Scheme;
                await GrpcWire.EchoUnaryAsync(context);
            },
            configureListen: listen =>
            {
                // Http1AndHttp2 over TLS: only ALPN can select HTTP/2.
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        var address = new UriBuilder(server.Address) { Scheme = Uri.UriSchemeHttps }.Uri;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, remote, _, _) => remote?.GetCertHashString() == certificate.GetCertHashString();
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });

        await new EchoService.EchoServiceClient(channel).GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang();

        Assert.Equal("HTTP/2", protocol);
        Assert.Equal("https", scheme);
    }

    [Fact]
    public void InsecureCredentials_WithHttpsAddress_AreRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            GrpcChannel.ForAddress("https://127.0.0.1:5001", new GrpcChannelOptions { Credentials = ChannelCredentials.Insecure }));

        Assert.Contains("insecure", error.Message);
    }

    [Fact]
    public void ChannelAddress_MustBeHttpOrHttps() =>
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("dns:///provinces:5000"));
}
