using System.Net;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;

namespace Khcn.Security.Tests.Certificates;

/// <summary>The shape of what the development authority issues: constraints, key usages, names and validity.</summary>
public sealed class DevelopmentCertificateAuthorityTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_IsSelfSignedAuthorityThatSignsLeavesOnly()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Now));
        var certificate = authority.Certificate;

        Assert.Equal("CN=Khcn Dev CA", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.True(certificate.HasPrivateKey);
        var constraints = Extension<X509BasicConstraintsExtension>(certificate);
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.HasPathLengthConstraint);
        Assert.Equal(0, constraints.PathLengthConstraint);
        Assert.True(constraints.Critical);
        var usages = Extension<X509KeyUsageExtension>(certificate).KeyUsages;
        Assert.True(usages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        Assert.True(usages.HasFlag(X509KeyUsageFlags.CrlSign));
        Assert.NotNull(Extension<X509SubjectKeyIdentifierExtension>(certificate).SubjectKeyIdentifier);
    }

    [Fact]
    public void Create_IsValidForAYearFromTheProvidersNow()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Now));

        Assert.True(authority.Certificate.NotBefore.ToUniversalTime() <= Now.UtcDateTime);
        Assert.Equal(Now.UtcDateTime.AddDays(365), authority.Certificate.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void IssueServerCertificate_NamesHostsAndAddressesForServerAuthenticationOnly()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Now));

        using var server = authority.IssueServerCertificate(["localhost", "dossiers.khcn.test"], [IPAddress.Loopback, IPAddress.IPv6Loopback]);

        var names = Extension<X509SubjectAlternativeNameExtension>(server);
        Assert.Equal(["localhost", "dossiers.khcn.test"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        Assert.Equal([CertificatePurposes.ServerAuthenticationOid], Purposes(server));
        Assert.True(server.MatchesHostname("localhost"));
        Assert.True(server.MatchesHostname("127.0.0.1"));
        Assert.False(server.MatchesHostname("example.com"));
    }

    [Fact]
    public void IssueClientCertificate_NamesTheSystemForClientAuthenticationOnly()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Now));

        using var client = authority.IssueClientCertificate("dossier-service");

        Assert.Equal("CN=dossier-service", client.Subject);
        Assert.Equal([CertificatePurposes.ClientAuthenticationOid], Purposes(client));
        Assert.True(ClientCertificateIdentity.TryRead(client, out var system));
        Assert.Equal("dossier-service", system);
    }

    [Fact]
    public void IssuedLeaves_AreSignedByTheAuthorityAndCannotSignThemselves()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Now));

        using var leaf = authority.IssueClientCertificate("dossier-service");

        Assert.Equal(authority.Certificate.Subject, leaf.Issuer);
        Assert.True(leaf.HasPrivateKey);
        Assert.False(Extension<X509BasicConstraintsExtension>(leaf).CertificateAuthority);
        Assert.False(Extension<X509KeyUsageExtension>(leaf).KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        var authorityKey = Extension<X509AuthorityKeyIdentifierExtension>(leaf).KeyIdentifier;
        Assert.NotNull(authorityKey);
        Assert.Equal(Extension<X509SubjectKeyIdentifierExtension>(authority.Certificate).SubjectKeyIdentifierBytes.ToArray(), authorityKey.Value.ToArray());
    }

    [Fact]
    public void IssuedLeaves_HaveDistinctSerialNumbers()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Now));

        using var first = authority.IssueClientCertificate("dossier-service");
        using var second = authority.IssueClientCertificate("dossier-service");

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
    }

    [Fact]
    public void IssuedLeaf_NeverOutlivesTheAuthority()
    {
        var creation = new FixedTimeProvider(Now);
        using var created = DevelopmentCertificateAuthority.Create("Khcn Dev CA", creation);
        // The same authority reopened a week before it expires: a 90-day leaf would outlive it.
        using var late = DevelopmentCertificateAuthority.FromCertificate(created.Certificate, new FixedTimeProvider(Now.AddDays(358)));

        using var leaf = late.IssueServerCertificate(["localhost"], []);

        Assert.Equal(created.Certificate.NotAfter, leaf.NotAfter);
    }

    [Fact]
    public void FromCertificate_RefusesALeafAsAuthority()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Now));
        using var leaf = authority.IssueClientCertificate("dossier-service");

        Assert.Throws<ArgumentException>(() => DevelopmentCertificateAuthority.FromCertificate(leaf, TimeProvider.System));
    }

    [Fact]
    public void IssueServerCertificate_WithoutAnyName_IsRefused()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", new FixedTimeProvider(Now));

        Assert.Throws<ArgumentException>(() => authority.IssueServerCertificate([], []));
    }

    private static T Extension<T>(X509Certificate2 certificate)
        where T : X509Extension => Assert.Single(certificate.Extensions.OfType<T>());

    private static IEnumerable<string?> Purposes(X509Certificate2 certificate) =>
        Extension<X509EnhancedKeyUsageExtension>(certificate).EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(oid => oid.Value);
}
