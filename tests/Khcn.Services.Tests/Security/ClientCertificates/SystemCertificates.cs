using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Khcn.Security.Certificates;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// One development authority as PEM files in a temporary folder: a server certificate for loopback and a client
/// certificate for each of several calling systems (so one service can meet systems with different grants, and one
/// it has none for).
/// </summary>
internal sealed class SystemCertificates : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("khcn-system-certificates-").FullName;

    public SystemCertificates(params string[] systems)
    {
        using var authority = DevelopmentCertificateAuthority.Create("Khcn Certificate Callers CA", TimeProvider.System);
        PemCertificateFiles.WriteAuthority(_folder, authority);
        using (var server = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]))
        {
            PemCertificateFiles.Write(_folder, "server", server);
        }

        foreach (var system in systems)
        {
            using var client = authority.IssueClientCertificate(system);
            PemCertificateFiles.Write(_folder, system, client);
        }
    }

    public string AuthorityPath => PemCertificateFiles.CertificatePath(_folder, PemCertificateFiles.AuthorityName);

    /// <summary>Kestrel settings that serve https on loopback with the server certificate.</summary>
    public string[] ServerSettings =>
    [
        "--urls", "https://127.0.0.1:0",
        $"--Kestrel:Certificates:Default:Path={PemCertificateFiles.CertificatePath(_folder, "server")}",
        $"--Kestrel:Certificates:Default:KeyPath={PemCertificateFiles.KeyPath(_folder, "server")}",
    ];

    public (string Certificate, string Key) ClientFiles(string system) =>
        (PemCertificateFiles.CertificatePath(_folder, system), PemCertificateFiles.KeyPath(_folder, system));

    /// <summary>A channel that trusts the authority and presents <paramref name="system"/>'s certificate (none when null).</summary>
    public GrpcChannel Channel(Uri address, string? system)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy =
            PrivateAuthorityTrust.ChainPolicy(PemCertificateFiles.LoadBundle(AuthorityPath), CertificatePurposes.ServerAuthentication);
        if (system is not null)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { PemCertificateFiles.LoadWithPrivateKey(_folder, system) };
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
