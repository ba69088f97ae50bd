using System.Net;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;

namespace Khcn.Security.Tests.Certificates;

/// <summary>
/// What the AppHost will generate, as PEM files in a temporary folder: a development authority (ca.crt), a
/// server certificate for loopback (server.crt/.key) and a client certificate for one calling system
/// (client.crt/.key), plus a client certificate from a second, unrelated authority (stranger.crt/.key).
/// </summary>
internal sealed class DevelopmentPki : IDisposable
{
    public const string CallerSystem = "dossier-service";

    private readonly TemporaryFolder _folder = new();

    public DevelopmentPki()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Test CA", TimeProvider.System);
        PemCertificateFiles.WriteAuthority(_folder.Path, authority);
        using (var server = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback]))
        {
            PemCertificateFiles.Write(_folder.Path, "server", server);
        }

        using (var client = authority.IssueClientCertificate(CallerSystem))
        {
            PemCertificateFiles.Write(_folder.Path, "client", client);
        }

        using var strangerAuthority = DevelopmentCertificateAuthority.Create("Someone Else's CA", TimeProvider.System);
        using var stranger = strangerAuthority.IssueClientCertificate(CallerSystem);
        PemCertificateFiles.Write(_folder.Path, "stranger", stranger);
    }

    public string AuthorityPath => PemCertificateFiles.CertificatePath(_folder.Path, PemCertificateFiles.AuthorityName);

    public (string Certificate, string Key) Client => Files("client");

    public (string Certificate, string Key) Stranger => Files("stranger");

    /// <summary>The server certificate as a service will load it: from its PEM files, not from memory.</summary>
    public X509Certificate2 LoadServerCertificate() => PemCertificateFiles.LoadWithPrivateKey(_folder.Path, "server");

    public X509Certificate2 LoadClientCertificate() => PemCertificateFiles.LoadWithPrivateKey(_folder.Path, "client");

    public X509Certificate2Collection LoadAuthorities() => PemCertificateFiles.LoadBundle(AuthorityPath);

    public void Dispose() => _folder.Dispose();

    private (string Certificate, string Key) Files(string name) =>
        (PemCertificateFiles.CertificatePath(_folder.Path, name), PemCertificateFiles.KeyPath(_folder.Path, name));
}
