namespace Grpc.Core;

/// <summary>Visitor a transport passes to <see cref="ChannelCredentials.InternalPopulateConfiguration"/> to learn what the credentials are.</summary>
public abstract class ChannelCredentialsConfiguratorBase
{
    public abstract void SetInsecureCredentials(object state);

    public abstract void SetSslCredentials(object state, string? rootCertificates, KeyCertificatePair? keyCertificatePair, VerifyPeerCallback? verifyPeerCallback);

    public abstract void SetCompositeCredentials(object state, ChannelCredentials channelCredentials, CallCredentials callCredentials);
}
