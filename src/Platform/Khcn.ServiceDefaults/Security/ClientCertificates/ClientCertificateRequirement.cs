namespace Khcn.ServiceDefaults.Security.ClientCertificates;

/// <summary>Whether callers must present a client certificate during the TLS handshake (mutual TLS).</summary>
public enum ClientCertificateRequirement
{
    /// <summary>No certificate is asked for: callers authenticate another way (bearer tokens), or not at all.</summary>
    Off,

    /// <summary>A certificate is asked for but optional; one that is presented must chain to a trusted authority.</summary>
    Allow,

    /// <summary>The handshake fails without a certificate that chains to a trusted authority.</summary>
    Require,
}
