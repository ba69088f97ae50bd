using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;
using Khcn.Tests.Tls;

namespace Khcn.Security.Tests.Certificates;

/// <summary>Mutual TLS: the server admits only clients whose certificate the development authority issued, and learns who they are.</summary>
public sealed class PythonMutualTlsPeerTests
{
    [Fact]
    public async Task PythonPeer_WithClientCertificateFromTheAuthority_IsServedAndIdentifiedBySystemName()
    {
        using var pki = new DevelopmentPki();
        await using var server = await StartMutualTlsServerAsync(pki);

        var result = await PythonTlsCaller.CallAsync(server.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath, pki.Client);

        Assert.True(result.Ok, $"{result.Code}: {result.Details}");
        Assert.Equal("SERVING", result.ServingStatus);
        Assert.Equal([DevelopmentPki.CallerSystem], server.CallerSystems);
    }

    [Fact]
    public async Task PythonPeer_WithoutClientCertificate_IsRefused()
    {
        using var pki = new DevelopmentPki();
        await using var server = await StartMutualTlsServerAsync(pki);

        var result = await PythonTlsCaller.CallAsync(server.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath);

        Assert.False(result.Ok);
        Assert.Equal("UNAVAILABLE", result.Code);
        Assert.Empty(server.CallerSystems);
    }

    [Fact]
    public async Task PythonPeer_WithClientCertificateFromAnotherAuthority_IsRefusedByTheValidator()
    {
        using var pki = new DevelopmentPki();
        await using var server = await StartMutualTlsServerAsync(pki);

        // Same system name, same shape of certificate: only the issuer differs.
        var result = await PythonTlsCaller.CallAsync(server.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath, pki.Stranger);

        Assert.False(result.Ok);
        Assert.Equal("UNAVAILABLE", result.Code);
        Assert.Empty(server.CallerSystems);
        // The peer sends its leaf alone, whose issuer is not among the trusted authorities.
        Assert.Contains(server.Refusals, refusal => refusal.Contains(nameof(X509ChainStatusFlags.PartialChain)));
    }

    private static Task<TlsHealthServer> StartMutualTlsServerAsync(DevelopmentPki pki) =>
        TlsHealthServer.StartAsync(pki.LoadServerCertificate(), new CertificateChainValidator(pki.LoadAuthorities()));
}
