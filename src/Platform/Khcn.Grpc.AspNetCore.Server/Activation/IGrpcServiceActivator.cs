namespace Grpc.AspNetCore.Server;

/// <summary>Creates and releases the service instance used for one call.</summary>
/// <typeparam name="TGrpcService">The service implementation type.</typeparam>
public interface IGrpcServiceActivator<TGrpcService> where TGrpcService : class
{
    /// <summary>Creates (or resolves) the instance for a call.</summary>
    GrpcActivatorHandle<TGrpcService> Create(IServiceProvider serviceProvider);

    /// <summary>Releases the instance after the call, disposing it when the activator created it.</summary>
    ValueTask ReleaseAsync(GrpcActivatorHandle<TGrpcService> service);
}
