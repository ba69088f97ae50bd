namespace Grpc.Core;

/// <summary>Per-call credentials, applied to each call's metadata by the transport.</summary>
public abstract class CallCredentials
{
    /// <summary>Credentials that run the given interceptor for every call.</summary>
    public static CallCredentials FromInterceptor(AsyncAuthInterceptor interceptor) => new AsyncAuthInterceptorCredentials(interceptor);

    /// <summary>Credentials that apply each of the given credentials in order.</summary>
    public static CallCredentials Compose(params CallCredentials[] credentials) => new CompositeCallCredentials(credentials);

    /// <summary>Describes these credentials to a transport-specific configurator.</summary>
    public abstract void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state);

    private sealed class AsyncAuthInterceptorCredentials : CallCredentials
    {
        private readonly AsyncAuthInterceptor _interceptor;

        public AsyncAuthInterceptorCredentials(AsyncAuthInterceptor interceptor)
        {
            ArgumentNullException.ThrowIfNull(interceptor);
            _interceptor = interceptor;
        }

        public override void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state) =>
            configurator.SetAsyncAuthInterceptorCredentials(state, _interceptor);
    }

    private sealed class CompositeCallCredentials : CallCredentials
    {
        private readonly IReadOnlyList<CallCredentials> _credentials;

        public CompositeCallCredentials(CallCredentials[] credentials)
        {
            ArgumentNullException.ThrowIfNull(credentials);
            if (credentials.Length < 2)
            {
                throw new ArgumentException("Composite credentials need at least two credentials.", nameof(credentials));
            }

            _credentials = credentials.ToArray();
        }

        public override void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state) =>
            configurator.SetCompositeCredentials(state, _credentials);
    }
}
