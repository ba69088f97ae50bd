namespace Grpc.Core;

/// <summary>TLS channel credentials, optionally with custom roots and a client certificate.</summary>
public sealed class SslCredentials : ChannelCredentials
{
    /// <summary>TLS with the default root certificates.</summary>
    public SslCredentials()
        : this(null, null, null)
    {
    }

    public SslCredentials(string rootCertificates)
        : this(rootCertificates, null, null)
    {
    }

    public SslCredentials(string? rootCertificates, KeyCertificatePair? keyCertificatePair)
        : this(rootCertificates, keyCertificatePair, null)
    {
    }

    public SslCredentials(string? rootCertificates, KeyCertificatePair? keyCertificatePair, VerifyPeerCallback? verifyPeerCallback)
    {
        RootCertificates = rootCertificates;
        KeyCertificatePair = keyCertificatePair;
        VerifyPeerCallback = verifyPeerCallback;
    }

    /// <summary>PEM encoded root certificates; null means the system defaults.</summary>
    public string? RootCertificates { get; }

    /// <summary>Client certificate and key; null when the client does not authenticate itself.</summary>
    public KeyCertificatePair? KeyCertificatePair { get; }

    private VerifyPeerCallback? VerifyPeerCallback { get; }

    protected internal override bool IsComposable => true;

    public override void InternalPopulateConfiguration(ChannelCredentialsConfiguratorBase configurator, object state) =>
        configurator.SetSslCredentials(state, RootCertificates, KeyCertificatePair, VerifyPeerCallback);
}
