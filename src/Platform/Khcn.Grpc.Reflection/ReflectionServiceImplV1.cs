using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.Catalog;
using Grpc.Reflection.V1;

namespace Grpc.Reflection;

/// <summary><c>grpc.reflection.v1.ServerReflection</c>, the stable version of the reflection protocol.</summary>
public class ReflectionServiceImplV1 : ServerReflection.ServerReflectionBase
{
    private readonly DescriptorCatalog catalog;

    /// <summary>Describes <paramref name="services"/> and every file they depend on.</summary>
    public ReflectionServiceImplV1(IEnumerable<ServiceDescriptor> services)
        : this(new DescriptorCatalog(services))
    {
    }

    /// <summary>Describes <paramref name="services"/> and every file they depend on.</summary>
    public ReflectionServiceImplV1(params ServiceDescriptor[] services)
        : this((IEnumerable<ServiceDescriptor>)services)
    {
    }

    internal ReflectionServiceImplV1(DescriptorCatalog catalog) => this.catalog = catalog;

    /// <inheritdoc />
    public override Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IServerStreamWriter<ServerReflectionResponse> responseStream,
        ServerCallContext context) =>
        ReflectionStream.RunAsync(catalog, requestStream, responseStream, static request => request, static response => response, context.CancellationToken);
}
