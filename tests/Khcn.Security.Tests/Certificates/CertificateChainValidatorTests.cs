using System.Net;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;

namespace Khcn.Security.Tests.Certificates;

/// <summary>Which presented client certificates identify a calling system: issued by a configured authority, current, for clientAuth.</summary>
public sealed class CertificateChainValidatorTests
{
    private static readonly DateTimeOffset Issued = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ClientCertificateFromTheConfiguredAuthority_IsTrusted()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Issued));
        using var client = authority.IssueClientCertificate("dossier-service");

        var trusted = ValidatorAt(Issued.AddDays(1), authority).TryValidate(client, out var failure);

        Assert.True(trusted, failure);
    }

    [Fact]
    public void ClientCertificateFromAnotherAuthorityOfTheSameName_IsRefused()
    {
        using var configured = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Issued));
        using var impostor = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Issued));
        using var client = impostor.IssueClientCertificate("dossier-service");

        // The issuer's name matches a trusted authority but its key does not, so no chain reaches a trusted root.
        Assert.False(ValidatorAt(Issued.AddDays(1), configured).TryValidate(client, out var failure));
        Assert.Contains(nameof(X509ChainStatusFlags.PartialChain), failure);
    }

    [Fact]
    public void ServerCertificate_IsRefusedAsClientCertificate()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Issued));
        using var server = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]);

        Assert.False(ValidatorAt(Issued.AddDays(1), authority).TryValidate(server, out var failure));
        Assert.Contains(nameof(X509ChainStatusFlags.NotValidForUsage), failure);
    }

    [Fact]
    public void ExpiredClientCertificate_IsRefused()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Issued));
        using var client = authority.IssueClientCertificate("dossier-service");

        Assert.False(ValidatorAt(Issued.AddDays(91), authority).TryValidate(client, out var failure));
        Assert.Contains(nameof(X509ChainStatusFlags.NotTimeValid), failure);
    }

    [Fact]
    public void ClientCertificateNotYetValid_IsRefused()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Issued));
        using var client = authority.IssueClientCertificate("dossier-service");

        Assert.False(ValidatorAt(Issued.AddDays(-1), authority).TryValidate(client, out var failure));
        Assert.Contains(nameof(X509ChainStatusFlags.NotTimeValid), failure);
    }

    [Fact]
    public void CertificatesIssuedNow_AreTrustedOnTheSystemClock()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", TimeProvider.System);
        using var client = authority.IssueClientCertificate("dossier-service");

        Assert.True(new CertificateChainValidator([authority.Certificate]).TryValidate(client, out var failure), failure);
    }

    private static CertificateChainValidator ValidatorAt(DateTimeOffset now, DevelopmentCertificateAuthority authority) =>
        new([authority.Certificate], new FixedTimeProvider(now));
}
