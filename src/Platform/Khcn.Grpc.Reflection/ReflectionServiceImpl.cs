using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.Catalog;
using Grpc.Reflection.V1Alpha;

namespace Grpc.Reflection;

/// <summary>
/// <c>grpc.reflection.v1alpha.ServerReflection</c>, the version most tools still try first
/// (same type name as the official Grpc.Reflection package). <see cref="ReflectionServiceImplV1"/> is the v1 twin.
/// </summary>
public class ReflectionServiceImpl : ServerReflection.ServerReflectionBase
{
    private readonly DescriptorCatalog catalog;

    /// <summary>Describes <paramref name="services"/> and every file they depend on.</summary>
    public ReflectionServiceImpl(IEnumerable<ServiceDescriptor> services)
        : this(new DescriptorCatalog(services))
    {
    }

    /// <summary>Describes <paramref name="services"/> and every file they depend on.</summary>
    public ReflectionServiceImpl(params ServiceDescriptor[] services)
        : this((IEnumerable<ServiceDescriptor>)services)
    {
    }

    internal ReflectionServiceImpl(DescriptorCatalog catalog) => this.catalog = catalog;

    /// <inheritdoc />
    public override Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IServerStreamWriter<ServerReflectionResponse> responseStream,
        ServerCallContext context) =>
        ReflectionStream.RunAsync(
            catalog,
            requestStream,
            responseStream,
            // v1alpha and v1 messages are byte-for-byte identical on the wire, so one implementation
            // (on the v1 types) serves both by re-reading the bytes.
            static request => V1.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()),
            static response => ServerReflectionResponse.Parser.ParseFrom(response.ToByteString()),
            context.CancellationToken);
}
