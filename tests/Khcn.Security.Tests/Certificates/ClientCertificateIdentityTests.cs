using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;

namespace Khcn.Security.Tests.Certificates;

/// <summary>Which calling system a client certificate names.</summary>
public sealed class ClientCertificateIdentityTests
{
    [Fact]
    public void TryRead_PrefersTheSystemUriOverTheCommonName()
    {
        using var certificate = SelfSigned("CN=shown-to-people", builder =>
        {
            builder.AddUri(new Uri("https://example.test/not-a-system"));
            builder.AddDnsName("dossiers.khcn.test");
            builder.AddUri(ClientCertificateIdentity.ToSystemUri("dossier-service"));
        });

        Assert.True(ClientCertificateIdentity.TryRead(certificate, out var system));
        Assert.Equal("dossier-service", system);
    }

    [Fact]
    public void TryRead_WithoutSystemUri_FallsBackToTheCommonName()
    {
        using var certificate = SelfSigned("CN=legacy-gateway, O=Khcn", builder => builder.AddUri(new Uri("https://example.test/")));

        Assert.True(ClientCertificateIdentity.TryRead(certificate, out var system));
        Assert.Equal("legacy-gateway", system);
    }

    [Fact]
    public void TryRead_WithNeitherSystemUriNorCommonName_FindsNoSystem()
    {
        using var certificate = SelfSigned("O=Khcn", configureNames: null);

        Assert.False(ClientCertificateIdentity.TryRead(certificate, out var system));
        Assert.Null(system);
    }

    [Fact]
    public void ToSystemUri_UsesTheKhcnSystemUrn()
    {
        Assert.Equal("urn:khcn:system:dossier-service", ClientCertificateIdentity.ToSystemUri("dossier-service").OriginalString);
    }

    private static X509Certificate2 SelfSigned(string subject, Action<SubjectAlternativeNameBuilder>? configureNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (configureNames is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            configureNames(names);
            request.CertificateExtensions.Add(names.Build());
        }

        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
