namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures a gRPC client registered with <c>AddGrpcClient</c> (our counterpart of IHttpClientBuilder).</summary>
public interface IGrpcClientBuilder
{
    /// <summary>Name of the client: selects its options, its channel and its configured address.</summary>
    string Name { get; }

    IServiceCollection Services { get; }
}

internal sealed record GrpcClientBuilder(string Name, IServiceCollection Services) : IGrpcClientBuilder;
