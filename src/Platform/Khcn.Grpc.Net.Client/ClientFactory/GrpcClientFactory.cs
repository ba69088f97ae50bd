namespace Grpc.Net.ClientFactory;

/// <summary>Creates gRPC clients registered with <c>AddGrpcClient</c>.</summary>
public abstract class GrpcClientFactory
{
    /// <summary>Creates a <typeparamref name="TClient"/> that calls through the channel registered under <paramref name="name"/>.</summary>
    public abstract TClient CreateClient<TClient>(string name)
        where TClient : class;
}
