using Khcn.Security.Certificates;
using Khcn.Tests.Tls;

namespace Khcn.Security.Tests.Certificates;

/// <summary>Server-authenticated TLS: a foreign gRPC client reaches our server only when it trusts the development authority.</summary>
public sealed class PythonTlsPeerTests
{
    [Fact]
    public async Task PythonPeer_TrustingTheDevelopmentAuthority_GetsServingOverTls()
    {
        using var pki = new DevelopmentPki();
        await using var server = await TlsHealthServer.StartAsync(pki.LoadServerCertificate());

        var result = await PythonTlsCaller.CallAsync(server.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath);

        Assert.True(result.Ok, $"{result.Code}: {result.Details}");
        Assert.Equal("SERVING", result.ServingStatus);
    }

    [Fact]
    public async Task PythonPeer_NotTrustingTheDevelopmentAuthority_CannotConnect()
    {
        using var pki = new DevelopmentPki();
        await using var server = await TlsHealthServer.StartAsync(pki.LoadServerCertificate());

        var result = await PythonTlsCaller.CallAsync(server.Port, PythonTlsCaller.HealthCheck, trustedAuthorities: null);

        Assert.False(result.Ok);
        Assert.Equal("UNAVAILABLE", result.Code);
        Assert.Contains("certificate verify failed", result.Details);
    }

    [Fact]
    public async Task PythonPeer_TrustingAnotherAuthority_CannotConnect()
    {
        using var pki = new DevelopmentPki();
        await using var server = await TlsHealthServer.StartAsync(pki.LoadServerCertificate());
        using var folder = new TemporaryFolder();
        using var otherAuthority = DevelopmentCertificateAuthority.Create("Unrelated CA", TimeProvider.System);
        PemCertificateFiles.WriteAuthority(folder.Path, otherAuthority);

        var result = await PythonTlsCaller.CallAsync(server.Port, PythonTlsCaller.HealthCheck, PemCertificateFiles.CertificatePath(folder.Path, PemCertificateFiles.AuthorityName));

        Assert.False(result.Ok);
        Assert.Equal("UNAVAILABLE", result.Code);
        Assert.Contains("certificate verify failed", result.Details);
    }
}
