using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Khcn.Services.Tests.HttpHealth;
using Khcn.Tests.Tls;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// Server TLS is Kestrel's own configuration: the Provinces service started as the AppHost starts it, with an https
/// ASPNETCORE_URLS and Kestrel__Certificates__Default__Path/KeyPath pointing at PEM files, serves gRPC over TLS.
/// </summary>
public sealed class ProvincesOverTlsTests : IClassFixture<ProvincesOverTlsTests.TlsProvinces>
{
    private readonly TlsProvinces _service;

    public ProvincesOverTlsTests(TlsProvinces service) => _service = service;

    [Fact]
    public async Task A_python_caller_trusting_the_authority_lists_provinces_over_tls()
    {
        var result = await PythonTlsCaller.CallAsync(_service.Port, PythonTlsCaller.ListProvinces, _service.Pki.AuthorityPath);

        Assert.True(result.Ok, $"{result.Code}: {result.Details}\n{_service.Process.Output}");
        // Resource names are plain UTF-8 in the serialized response: some province is in it.
        Assert.Contains("provinces/", Encoding.UTF8.GetString(result.Response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_python_caller_that_does_not_trust_the_authority_is_refused()
    {
        var result = await PythonTlsCaller.CallAsync(_service.Port, PythonTlsCaller.HealthCheck, trustedAuthorities: null);

        Assert.False(result.Ok);
        Assert.Equal("UNAVAILABLE", result.Code);
    }

    [Fact]
    public async Task The_tls_port_negotiates_http2_by_alpn()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _service.Port);
        await using var tls = new SslStream(tcp.GetStream());

        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            ApplicationProtocols = [SslApplicationProtocol.Http11, SslApplicationProtocol.Http2],
            CertificateChainPolicy = _service.Pki.ServerTrustPolicy(),
        });

        Assert.Equal(SslApplicationProtocol.Http2, tls.NegotiatedApplicationProtocol);
    }

    /// <summary>One Provinces process for the class: starting it migrates and seeds a database.</summary>
    public sealed class TlsProvinces : IAsyncLifetime
    {
        public DevelopmentPki Pki { get; } = new();

        public int Port { get; } = FreePort();

        public ProvincesProcess Process { get; private set; } = null!;

        public async Task InitializeAsync() => Process = await ProvincesProcess.StartAsync(
            ("ASPNETCORE_URLS", $"https://127.0.0.1:{Port}"),
            ("Kestrel__Certificates__Default__Path", Pki.Server.Certificate),
            ("Kestrel__Certificates__Default__KeyPath", Pki.Server.Key));

        public async Task DisposeAsync()
        {
            if (Process is not null)
            {
                await Process.DisposeAsync();
            }

            Pki.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
