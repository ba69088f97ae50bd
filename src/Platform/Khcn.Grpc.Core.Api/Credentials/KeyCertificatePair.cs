namespace Grpc.Core;

/// <summary>PEM encoded certificate chain and private key.</summary>
public sealed class KeyCertificatePair
{
    public KeyCertificatePair(string certificateChain, string privateKey)
    {
        ArgumentNullException.ThrowIfNull(certificateChain);
        ArgumentNullException.ThrowIfNull(privateKey);
        CertificateChain = certificateChain;
        PrivateKey = privateKey;
    }

    public string CertificateChain { get; }

    public string PrivateKey { get; }
}
