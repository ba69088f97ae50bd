namespace Grpc.Core;

/// <summary>Credentials of a channel's transport (plaintext, TLS, or TLS plus call credentials).</summary>
public abstract class ChannelCredentials
{
    protected ChannelCredentials()
    {
    }

    /// <summary>No transport security: plaintext HTTP/2 (h2c).</summary>
    public static ChannelCredentials Insecure { get; } = new InsecureCredentials();

    /// <summary>TLS with the default root certificates.</summary>
    public static ChannelCredentials SecureSsl { get; } = new SslCredentials();

    /// <summary>Combines transport credentials with per-call credentials.</summary>
    public static ChannelCredentials Create(ChannelCredentials channelCredentials, CallCredentials callCredentials) =>
        new CompositeChannelCredentials(channelCredentials, callCredentials);

    /// <summary>Describes these credentials to a transport-specific configurator.</summary>
    public abstract void InternalPopulateConfiguration(ChannelCredentialsConfiguratorBase configurator, object state);

    /// <summary>Whether per-call credentials may be combined with these credentials (false for plaintext).</summary>
    protected internal virtual bool IsComposable => false;

    private sealed class InsecureCredentials : ChannelCredentials
    {
        public override void InternalPopulateConfiguration(ChannelCredentialsConfiguratorBase configurator, object state) =>
            configurator.SetInsecureCredentials(state);
    }

    private sealed class CompositeChannelCredentials : ChannelCredentials
    {
        private readonly ChannelCredentials _channelCredentials;
        private readonly CallCredentials _callCredentials;

        public CompositeChannelCredentials(ChannelCredentials channelCredentials, CallCredentials callCredentials)
        {
            ArgumentNullException.ThrowIfNull(channelCredentials);
            ArgumentNullException.ThrowIfNull(callCredentials);
            if (!channelCredentials.IsComposable)
            {
                throw new ArgumentException($"Channel credentials of type {channelCredentials.GetType().Name} cannot be composed with call credentials.", nameof(channelCredentials));
            }

            _channelCredentials = channelCredentials;
            _callCredentials = callCredentials;
        }

        public override void InternalPopulateConfiguration(ChannelCredentialsConfiguratorBase configurator, object state) =>
            configurator.SetCompositeCredentials(state, _channelCredentials, _callCredentials);
    }
}
