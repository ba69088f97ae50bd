using System.Net;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// PEM files in a temporary folder, as the AppHost will generate them: a development authority (ca.crt), a server
/// certificate for 127.0.0.1 and localhost (server.crt/.key), a client certificate for one calling system
/// (client.crt/.key), and a client certificate for the same name from an unrelated authority (stranger.crt/.key).
/// </summary>
public sealed class TransportSecurityPki : IDisposable
{
    public const string CallerSystem = "dossier-service";

    private readonly string _folder = Directory.CreateTempSubdirectory("khcn-mtls-").FullName;

    public TransportSecurityPki()
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Test CA", TimeProvider.System);
        PemCertificateFiles.WriteAuthority(_folder, authority);
        using (var server = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]))
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

    public X509Certificate2 LoadClientCertificate() => PemCertificateFiles.LoadWithPrivateKey(_folder, "client");

    /// <summary>What a client trusts for the server's certificate: the development authority alone, not the machine's roots.</summary>
    public X509ChainPolicy ServerTrustPolicy()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.AddRange(PemCertificateFiles.LoadBundle(AuthorityPath));
        policy.ApplicationPolicy.Add(CertificatePurposes.ServerAuthentication);
        return policy;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Certificate, string Key) Files(string name) =>
        (PemCertificateFiles.CertificatePath(_folder, name), PemCertificateFiles.KeyPath(_folder, name));
}
