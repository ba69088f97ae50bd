using System.Net;
using Khcn.Security;
using Khcn.Security.Certificates;

namespace Khcn.Hosting.Security;

/// <summary>
/// What the secure mode generates for one run, as files in <see cref="Folder"/> (the run's <c>pki</c>): a development
/// CA (<c>ca.crt</c>; its key is never written), a server certificate per service for 127.0.0.1, ::1 and localhost
/// (<c>&lt;service&gt;.crt/.key</c>), a client certificate per service naming it as a system for mutual TLS between the
/// services (<c>&lt;service&gt;-client.crt/.key</c>), the token issuer's key pair (<c>issuer.pub.pem</c>, <c>issuer.key</c>), a
/// service token per service (<c>&lt;service&gt;.token</c>) and a developer token (<c>developer.token</c>). Keys and
/// tokens are mode 0600.
/// </summary>
internal sealed record DevelopmentSecurityFiles(string Folder)
{
    /// <summary>The developer token: the Ministry with every read and write scope and the audit log, for a working day.</summary>
    public static readonly TimeSpan DeveloperTokenLifetime = TimeSpan.FromHours(12);

    /// <summary>Service tokens outlive any sensible run; an agent may still rotate the file (it is re-read per call).</summary>
    public static readonly TimeSpan ServiceTokenLifetime = TimeSpan.FromDays(7);

    public const string DeveloperSubject = "developer";

    /// <summary>What the developer token may do: read everything (Ministry), write every service, read the audit log.</summary>
    public static readonly IReadOnlyList<string> DeveloperScopes =
    [
        KhcnClaims.Scopes.Ministry,
        KhcnClaims.Scopes.ProvincesRead, KhcnClaims.Scopes.ProvincesWrite,
        KhcnClaims.Scopes.TasksRead, KhcnClaims.Scopes.TasksWrite,
        KhcnClaims.Scopes.IntellectualPropertyRead, KhcnClaims.Scopes.IntellectualPropertyWrite,
        KhcnClaims.Scopes.AuditRead,
    ];

    /// <summary>What a service does on its own behalf: read the province catalog every service validates against.</summary>
    public static readonly IReadOnlyList<string> ServiceScopes = [KhcnClaims.Scopes.ProvincesRead];

    public string AuthorityPath => PemCertificateFiles.CertificatePath(Folder, PemCertificateFiles.AuthorityName);

    public string IssuerPublicKeyPath => Path.Combine(Folder, "issuer.pub.pem");

    public string IssuerPrivateKeyPath => Path.Combine(Folder, "issuer.key");

    public string DeveloperTokenPath => Path.Combine(Folder, "developer.token");

    public string ServerCertificatePath(string service) => PemCertificateFiles.CertificatePath(Folder, service);

    public string ServerKeyPath(string service) => PemCertificateFiles.KeyPath(Folder, service);

    public string ServiceTokenPath(string service) => Path.Combine(Folder, service + ".token");

    public string ClientCertificatePath(string service) => PemCertificateFiles.CertificatePath(Folder, ClientCertificateName(service));

    public string ClientKeyPath(string service) => PemCertificateFiles.KeyPath(Folder, ClientCertificateName(service));

    private static string ClientCertificateName(string service) => service + "-client";

    /// <summary>Generates everything for <paramref name="services"/> into <paramref name="folder"/> (created, mode 0700).</summary>
    public static DevelopmentSecurityFiles Create(string folder, IEnumerable<string> services, TimeProvider time)
    {
        var files = new DevelopmentSecurityFiles(Path.GetFullPath(folder));
        Directory.CreateDirectory(files.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var authority = DevelopmentCertificateAuthority.Create("Khcn AppHost Development CA", time);
        PemCertificateFiles.WriteAuthority(files.Folder, authority);
        using var issuer = new DevelopmentTokenIssuer(time);
        File.WriteAllText(files.IssuerPublicKeyPath, issuer.PublicKeyPem);
        PrivateFile.Write(files.IssuerPrivateKeyPath, issuer.PrivateKeyPem);

        foreach (var service in services)
        {
            using (var certificate = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback]))
            {
                PemCertificateFiles.Write(files.Folder, service, certificate);
            }

            using (var clientCertificate = authority.IssueClientCertificate(service))
            {
                PemCertificateFiles.Write(files.Folder, ClientCertificateName(service), clientCertificate);
            }

            PrivateFile.Write(files.ServiceTokenPath(service), issuer.Mint("service:" + service, ServiceScopes, ServiceTokenLifetime));
        }

        PrivateFile.Write(files.DeveloperTokenPath, issuer.Mint(DeveloperSubject, DeveloperScopes, DeveloperTokenLifetime));
        return files;
    }
}
