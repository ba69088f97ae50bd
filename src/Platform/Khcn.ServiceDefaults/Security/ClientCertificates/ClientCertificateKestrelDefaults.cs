using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Khcn.ServiceDefaults.Security.ClientCertificates;

/// <summary>
/// Asks for client certificates on every HTTPS endpoint and refuses, during the handshake, any that does not chain to
/// the configured authorities. <see cref="KestrelServerOptions.ConfigureHttpsDefaults"/> keeps only the last action,
/// so this must stay the only caller; a <c>ClientCertificateMode</c> configured on a Kestrel endpoint still wins for
/// that endpoint, since Kestrel applies endpoint configuration after these defaults.
/// </summary>
internal sealed partial class ClientCertificateKestrelDefaults(
    IOptions<ClientCertificateOptions> options, ILogger<ClientCertificateKestrelDefaults> logger)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var settings = options.Value;
        if (settings.EffectiveMode == ClientCertificateRequirement.Off)
        {
            return;
        }

        // Loaded once: Kestrel reads its options at startup, and the authorities' certificates live as long as the server.
        var validator = new CertificateChainValidator(PemCertificateFiles.LoadBundle(settings.TrustedAuthorities!));
        var mode = settings.EffectiveMode == ClientCertificateRequirement.Require
            ? ClientCertificateMode.RequireCertificate
            : ClientCertificateMode.AllowCertificate;
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = mode;
            // Kestrel calls this only for a certificate that was sent; a missing one is decided by the mode.
            https.ClientCertificateValidation = (certificate, _, _) => Accept(validator, certificate);
        });
    }

    private bool Accept(CertificateChainValidator validator, X509Certificate2 certificate)
    {
        if (validator.TryValidate(certificate, out var failure))
        {
            return true;
        }

        LogRefused(certificate.Subject, certificate.Issuer, failure);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the client certificate {Subject} issued by {Issuer}: {Failure}")]
    private partial void LogRefused(string subject, string issuer, string failure);
}
