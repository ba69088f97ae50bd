namespace Grpc.Core;

/// <summary>Visitor a transport passes to <see cref="CallCredentials.InternalPopulateConfiguration"/> to learn what the credentials are.</summary>
public abstract class CallCredentialsConfiguratorBase
{
    public abstract void SetAsyncAuthInterceptorCredentials(object? state, AsyncAuthInterceptor interceptor);

    public abstract void SetCompositeCredentials(object? state, IReadOnlyList<CallCredentials> credentials);
}
