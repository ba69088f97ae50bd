using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Security.Certificates;

namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>
/// Calls into a stack run with <c>--secure</c>: the run's <c>pki</c> folder (next to its <c>logs</c>) holds the CA
/// to trust and the developer token to send.
/// </summary>
public sealed class SecureStackCalls(string pkiFolder)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The run's pki folder, from the summary's log directory.</summary>
    public static SecureStackCalls Of(ReadySummary summary) =>
        new(Path.Combine(Path.GetDirectoryName(summary.LogDirectory.TrimEnd('/'))!, "pki"));

    public string AuthorityPath => PemCertificateFiles.CertificatePath(pkiFolder, PemCertificateFiles.AuthorityName);

    public string DeveloperTokenPath => Path.Combine(pkiFolder, "developer.token");

    /// <summary>A channel to an https endpoint that trusts the run's CA alone.</summary>
    /// <param name="address">The https endpoint.</param>
    /// <param name="asService">Present this service's client certificate (<c>&lt;service&gt;-client.crt/.key</c>); null: none.</param>
    public GrpcChannel Channel(string address, string? asService = null)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = PrivateAuthorityTrust.ChainPolicy(
            PemCertificateFiles.LoadBundle(AuthorityPath), CertificatePurposes.ServerAuthentication);
        if (asService is not null)
        {
            handler.SslOptions.ClientCertificates = [ClientCertificateOf(asService)];
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    // Loaded through PKCS#12 so SslStream can use the key on every platform (a PEM-loaded key is ephemeral).
    private X509Certificate2 ClientCertificateOf(string service)
    {
        using var pem = PemCertificateFiles.LoadWithPrivateKey(pkiFolder, service + "-client");
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    public CallOptions AsDeveloper() => new(
        headers: new Metadata { { "authorization", "Bearer " + File.ReadAllText(DeveloperTokenPath).Trim() } },
        deadline: DateTime.UtcNow + CallTimeout);

    public static CallOptions Anonymous() => new(deadline: DateTime.UtcNow + CallTimeout);
}
