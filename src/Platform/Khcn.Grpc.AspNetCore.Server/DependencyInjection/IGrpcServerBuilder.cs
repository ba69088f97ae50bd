namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddGrpc</c> to configure gRPC services further.</summary>
public interface IGrpcServerBuilder
{
    /// <summary>The application's service collection.</summary>
    IServiceCollection Services { get; }
}
