using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Protocol;

public sealed class TransportTests
{
    private static readonly byte[] ReportContextRequest = GrpcFrames.Frame(new EchoRequest { Action = EchoRequest.Types.Action.ReportContext });

    [Fact]
    public async Task CleartextUrl_ServesHttp2PriorKnowledge()
    {
        // Same shape as `dotnet run -- --urls http://127.0.0.1:port`: a plain URL, no explicit protocols.
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new RawGrpcClient(server.Address);

        var response = await client.CallAsync("Unary", ReportContextRequest);

        Assert.True(response.HttpVersion == HttpVersion.Version20, $"{response.HttpStatus} {response.Headers} {System.Text.Encoding.UTF8.GetString(response.Body)}");
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("HTTP/2", response.Replies.Single().Context["protocol"]);
    }

    [Fact]
    public async Task TlsWithConfiguredCertificate_NegotiatesAlpnH2()
    {
        using var certificate = CreateSelfSignedCertificate();
        var pfxPath = Path.Combine(Path.GetTempPath(), $"khcn-server-test-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfxPath, certificate.Export(X509ContentType.Pfx, "test-password"));
        try
        {
            // Standard Kestrel certificate configuration, https URL.
            await using var server = await GrpcTestServer.StartAsync(configureBuilder: builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Kestrel:Certificates:Default:Path"] = pfxPath,
                    ["Kestrel:Certificates:Default:Password"] = "test-password",
                });
                builder.WebHost.UseUrls("https://127.0.0.1:0");
            });
            using var client = new RawGrpcClient(server.Address, trustedServerCertificate: certificate);

            var response = await client.CallAsync("Unary", ReportContextRequest);

            Assert.Equal("https", server.Address.Scheme);
            Assert.Equal(HttpVersion.Version20, response.HttpVersion);
            Assert.Equal(0, response.GrpcStatus);
            Assert.Equal("HTTP/2", response.Replies.Single().Context["protocol"]);
        }
        finally
        {
            File.Delete(pfxPath);
        }
    }

    [Fact]
    public async Task Http1Request_Returns426UpgradeRequired()
    {
        // An endpoint that accepts HTTP/1.1 as well: the gRPC layer itself must reject the HTTP/1.1 call clearly.
        await using var server = await GrpcTestServer.StartAsync(configureBuilder: builder =>
            builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1AndHttp2)));
        using var client = new RawGrpcClient(server.Address, version: HttpVersion.Version11);

        var response = await client.CallAsync("Unary", ReportContextRequest);

        Assert.Equal(HttpVersion.Version11, response.HttpVersion);
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.HttpStatus);
        Assert.Equal(13, response.GrpcStatus);
        var text = Encoding.UTF8.GetString(response.Body);
        Assert.Contains("HTTP/1.1", text);
        Assert.Contains("HTTP/2", text);
    }

    [Fact]
    public async Task Http1RequestOnDefaultCleartextEndpoint_IsRejectedWithClearErrorWithoutHanging()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Address.Port);
        var stream = tcp.GetStream();
        var request = Encoding.ASCII.GetBytes(
            $"POST /{RawGrpcClient.Service}/Unary HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/grpc\r\nContent-Length: 0\r\n\r\n");
        await stream.WriteAsync(request);

        // Kestrel's HTTP/2-only endpoint must answer or close the connection promptly; a hang fails the timeout.
        using var timeout = new CancellationTokenSource(RawGrpcClient.CallTimeout);
        var received = await ReadUntilClosedAsync(stream, timeout.Token);

        Assert.False(timeout.IsCancellationRequested);
        var text = Encoding.ASCII.GetString(received);
        Assert.StartsWith("HTTP/1.1 400", text);
        Assert.Contains("HTTP/2 only endpoint", text);
    }

    [Fact]
    public async Task ConfiguredEndpointDefaultProtocols_AreRespected()
    {
        // An app that explicitly asks for HTTP/1.1 + HTTP/2 keeps it, and then gets the gRPC-level 426 over HTTP/1.1.
        await using var server = await GrpcTestServer.StartAsync(configureBuilder: builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kestrel:EndpointDefaults:Protocols"] = "Http1AndHttp2",
            }));
        using var client = new RawGrpcClient(server.Address, version: HttpVersion.Version11);

        var response = await client.CallAsync("Unary", ReportContextRequest);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.HttpStatus);
    }

    internal static async Task<byte[]> ReadUntilClosedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset connection is also a (prompt) rejection.
        }

        return received.ToArray();
    }

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
