using Google.Protobuf.Reflection;
using Google.Rpc;

namespace Grpc.StatusProto;

/// <summary>Type registry of the standard error detail messages of google/rpc/error_details.proto.</summary>
public static class StandardErrorTypeRegistry
{
    public static TypeRegistry Registry { get; } = TypeRegistry.FromMessages(
        ErrorInfo.Descriptor,
        BadRequest.Descriptor,
        RetryInfo.Descriptor,
        DebugInfo.Descriptor,
        QuotaFailure.Descriptor,
        PreconditionFailure.Descriptor,
        RequestInfo.Descriptor,
        ResourceInfo.Descriptor,
        Help.Descriptor,
        LocalizedMessage.Descriptor);
}
