using Grpc.Core;

namespace Grpc.Net.Client.Internal.Credentials;

/// <summary>What a <see cref="ChannelCredentials"/> instance asks of the transport: TLS or not, plus call credentials.</summary>
internal sealed class ChannelCredentialsInfo : ChannelCredentialsConfiguratorBase
{
    private ChannelCredentialsInfo()
    {
    }

    public bool IsSecure { get; private set; }

    public CallCredentials? CallCredentials { get; private set; }

    public static ChannelCredentialsInfo From(ChannelCredentials credentials)
    {
        var info = new ChannelCredentialsInfo();
        credentials.InternalPopulateConfiguration(info, info);
        return info;
    }

    public override void SetInsecureCredentials(object state) => IsSecure = false;

    public override void SetSslCredentials(object state, string? rootCertificates, KeyCertificatePair? keyCertificatePair, VerifyPeerCallback? verifyPeerCallback)
    {
        // Custom roots and client certificates belong on the HttpHandler (SslOptions); here TLS only selects https.
        if (rootCertificates is not null || keyCertificatePair is not null || verifyPeerCallback is not null)
        {
            throw new InvalidOperationException(
                "SslCredentials with custom certificates are not supported by GrpcChannel; configure SocketsHttpHandler.SslOptions via GrpcChannelOptions.HttpHandler instead.");
        }

        IsSecure = true;
    }

    public override void SetCompositeCredentials(object state, ChannelCredentials channelCredentials, CallCredentials callCredentials)
    {
        channelCredentials.InternalPopulateConfiguration(this, state);
        CallCredentials = CallCredentials is null ? callCredentials : Grpc.Core.CallCredentials.Compose(CallCredentials, callCredentials);
    }
}
