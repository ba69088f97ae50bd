using System.Net;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;

namespace Khcn.Tests.Tls;

/// <summary>
/// What the AppHost will generate, as PEM files in a temporary folder: a development authority (ca.crt), a server
/// certificate for loopback and localhost (server.crt/.key), a client certificate for one calling system
/// (client.crt/.key), and a client certificate for the same name from an unrelated authority (stranger.crt/.key).
/// </summary>
public sealed class DevelopmentPki : IDisposable
{
    public const string CallerSystem = "dossier-service";

    private readonly string _folder = Directory.CreateTempSubdirectory("khcn-certificates-").FullName;

    public DevelopmentPki()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Test CA", TimeProvider.System);
        PemCertificateFiles.WriteAuthority(_folder, authority);
        using (var server = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback]))
        {
            PemCertificateFiles.Write(_folder, "server", server);
        }

        using (var client = authority.IssueClientCertificate(CallerSystem))
        {
            PemCertificateFiles.Write(_folder, "client", client);
        }

        using var strangerAuthority = DevelopmentCertificateAuthority.Create("Someone Else's CA", TimeProvider.System);
        using var stranger = strangerAuthority.IssueClientCertificate(CallerSystem);
        PemCertificateFiles.Write(_folder, "stranger", stranger);
    }

    public string AuthorityPath => PemCertificateFiles.CertificatePath(_folder, PemCertificateFiles.AuthorityName);

    public (string Certificate, string Key) Server => Files("server");

    public (string Certificate, string Key) Client => Files("client");

    public (string Certificate, string Key) Stranger => Files("stranger");

    /// <summary>The server certificate as a service will load it: from its PEM files, not from memory.</summary>
    public X509Certificate2 LoadServerCertificate() => PemCertificateFiles.LoadWithPrivateKey(_folder, "server");

    public X509Certificate2 LoadClientCertificate() => PemCertificateFiles.LoadWithPrivateKey(_folder, "client");

    public X509Certificate2Collection LoadAuthorities() => PemCertificateFiles.LoadBundle(AuthorityPath);

    /// <summary>What a client trusts for the server's certificate: the development authority alone, not the machine's roots.</summary>
    public X509ChainPolicy ServerTrustPolicy() =>
        PrivateAuthorityTrust.ChainPolicy(LoadAuthorities(), CertificatePurposes.ServerAuthentication);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Certificate, string Key) Files(string name) =>
        (PemCertificateFiles.CertificatePath(_folder, name), PemCertificateFiles.KeyPath(_folder, name));
}
