using System.Net;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;
using Microsoft.Extensions.Configuration;

namespace Khcn.ServiceDefaults.Security.ServiceIdentity;

/// <summary>
/// How this service's clients of other Khcn services meet their TLS servers, from section
/// <c>Authentication:ServiceClients</c>: <c>TrustedAuthorities</c> (a PEM bundle; when set, a server certificate must
/// chain to it, and the machine's roots are not consulted) and <c>Certificate</c>/<c>Key</c> (PEM files; the client
/// certificate presented for mutual TLS). Nothing set: the platform's defaults (machine roots, no certificate).
/// </summary>
internal static class ServiceClientTransport
{
    public const string SectionName = "Authentication:ServiceClients";

    /// <summary>A handler with the configured trust and client certificate; null when nothing is configured.</summary>
    public static SocketsHttpHandler? CreateHandler(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        if (string.IsNullOrWhiteSpace(section["TrustedAuthorities"])
            && string.IsNullOrWhiteSpace(section["Certificate"])
            && string.IsNullOrWhiteSpace(section["Key"]))
        {
            return null;
        }

        var handler = GrpcTunedHandler();
        if (section["TrustedAuthorities"] is { Length: > 0 } authorities)
        {
            handler.SslOptions.CertificateChainPolicy =
                PrivateAuthorityTrust.ChainPolicy(PemCertificateFiles.LoadBundle(authorities), CertificatePurposes.ServerAuthentication);
        }

        var certificate = section["Certificate"];
        var key = section["Key"];
        if (!string.IsNullOrWhiteSpace(certificate) || !string.IsNullOrWhiteSpace(key))
        {
            if (string.IsNullOrWhiteSpace(certificate) || string.IsNullOrWhiteSpace(key))
            {
                throw new InvalidOperationException($"{SectionName}:Certificate and {SectionName}:Key go together: set both or neither.");
            }

            handler.SslOptions.ClientCertificates = [LoadClientCertificate(certificate, key)];
        }

        return handler;
    }

    // The channel's own default handler (internal to Grpc.Net.Client) has these settings; a handler given to the
    // channel replaces it whole, so they are repeated: long-lived pooled connections, several HTTP/2 connections when
    // one is full of streams, keep-alive pings on long streams, no HTTP-level decompression, cookies or redirects.
    private static SocketsHttpHandler GrpcTunedHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
    };

    private static X509Certificate2 LoadClientCertificate(string certificate, string key)
    {
        using var fromPem = X509Certificate2.CreateFromPemFile(certificate, key);
        // A PEM-loaded key is ephemeral; SslStream on Linux accepts it, but an exported-and-reloaded PKCS#12 is what
        // works on every platform the suite targets.
        return X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), password: null);
    }
}
