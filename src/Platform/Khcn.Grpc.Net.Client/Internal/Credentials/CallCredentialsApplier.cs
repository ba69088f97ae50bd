using Grpc.Core;

namespace Grpc.Net.Client.Internal.Credentials;

/// <summary>Runs the <see cref="AsyncAuthInterceptor"/>s of call credentials and collects the metadata they add.</summary>
internal sealed class CallCredentialsApplier : CallCredentialsConfiguratorBase
{
    private readonly List<AsyncAuthInterceptor> _interceptors = [];

    private CallCredentialsApplier()
    {
    }

    public static async Task<Metadata> GetMetadataAsync(
        CallCredentials? channelCredentials,
        CallCredentials? callCredentials,
        AuthInterceptorContext context)
    {
        var applier = new CallCredentialsApplier();
        channelCredentials?.InternalPopulateConfiguration(applier, null);
        callCredentials?.InternalPopulateConfiguration(applier, null);

        var metadata = new Metadata();
        foreach (var interceptor in applier._interceptors)
        {
            await interceptor(context, metadata).ConfigureAwait(false);
        }

        return metadata;
    }

    public override void SetAsyncAuthInterceptorCredentials(object? state, AsyncAuthInterceptor interceptor) => _interceptors.Add(interceptor);

    public override void SetCompositeCredentials(object? state, IReadOnlyList<CallCredentials> credentials)
    {
        foreach (var credential in credentials)
        {
            credential.InternalPopulateConfiguration(this, state);
        }
    }
}
