using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;

namespace Khcn.Security.Tests.Certificates;

/// <summary>Certificates written as PEM files and read back the way services and peers read them.</summary>
[UnsupportedOSPlatform("windows")] // asserts Unix file modes
public sealed class PemCertificateFilesTests
{
    [Fact]
    public void Write_KeyFileIsReadableByItsOwnerOnly()
    {
        using var folder = new TemporaryFolder();
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", TimeProvider.System);
        using var client = authority.IssueClientCertificate("dossier-service");

        PemCertificateFiles.Write(folder.Path, "client", client);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PemCertificateFiles.KeyPath(folder.Path, "client")));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(PemCertificateFiles.KeyPath(folder.Path, "client")));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(PemCertificateFiles.CertificatePath(folder.Path, "client")));
    }

    [Fact]
    public void Write_OverAnExistingKeyFile_RestrictsItAgain()
    {
        using var folder = new TemporaryFolder();
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", TimeProvider.System);
        using var client = authority.IssueClientCertificate("dossier-service");
        var keyPath = PemCertificateFiles.KeyPath(folder.Path, "client");
        File.WriteAllText(keyPath, "stale");
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        PemCertificateFiles.Write(folder.Path, "client", client);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
    }

    [Fact]
    public void WriteAuthority_WritesOnlyTheCertificateUnlessAskedForTheKey()
    {
        using var folder = new TemporaryFolder();
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", TimeProvider.System);

        PemCertificateFiles.WriteAuthority(folder.Path, authority);

        Assert.True(File.Exists(Path.Combine(folder.Path, "ca.crt")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "ca.key")));
    }

    [Fact]
    public void LoadWithPrivateKey_ReturnsTheSameCertificateWithAUsableKey()
    {
        using var folder = new TemporaryFolder();
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Dev CA", TimeProvider.System);
        using var server = authority.IssueServerCertificate(["localhost"], []);
        PemCertificateFiles.Write(folder.Path, "server", server);

        using var loaded = PemCertificateFiles.LoadWithPrivateKey(folder.Path, "server");

        Assert.Equal(server.Thumbprint, loaded.Thumbprint);
        using var key = loaded.GetECDsaPrivateKey();
        Assert.NotNull(key);
        byte[] data = [1, 2, 3];
        using var publicKey = server.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyData(data, key.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
    }

    [Fact]
    public void AuthorityWrittenWithItsKey_CanBeReopenedToIssueMore()
    {
        using var folder = new TemporaryFolder();
        using (var created = DevelopmentCertificateAuthority.Create("Khcn Dev CA", TimeProvider.System))
        {
            PemCertificateFiles.WriteAuthority(folder.Path, created, includePrivateKey: true);
        }

        using var reopened = DevelopmentCertificateAuthority.FromCertificate(
            PemCertificateFiles.LoadWithPrivateKey(folder.Path, PemCertificateFiles.AuthorityName), TimeProvider.System);
        using var client = reopened.IssueClientCertificate("dossier-service");
        var bundle = PemCertificateFiles.LoadBundle(PemCertificateFiles.CertificatePath(folder.Path, PemCertificateFiles.AuthorityName));

        Assert.True(new CertificateChainValidator(bundle).TryValidate(client, out var failure), failure);
    }

    [Fact]
    public void LoadBundle_ReadsEveryAuthorityInTheFile()
    {
        using var folder = new TemporaryFolder();
        using var first = DevelopmentCertificateAuthority.Create("First CA", TimeProvider.System);
        using var second = DevelopmentCertificateAuthority.Create("Second CA", TimeProvider.System);
        var path = Path.Combine(folder.Path, "bundle.crt");
        File.WriteAllText(path, first.Certificate.ExportCertificatePem() + "\n" + second.Certificate.ExportCertificatePem() + "\n");

        var bundle = PemCertificateFiles.LoadBundle(path);

        Assert.Equal(["CN=First CA", "CN=Second CA"], bundle.Select(certificate => certificate.Subject));
    }
}
