using Grpc.Core;
using Khcn.Aip;

namespace Khcn.Provinces.Overview;

/// <summary>gRPC status codes by their canonical names ("DEADLINE_EXCEEDED"), as MissingPart.status_code reports them.</summary>
public static class StatusCodeNames
{
    // google.rpc.Code publishes the canonical names under the same numbers as StatusCode.
    public static string Of(StatusCode code) => ProtoEnumNames.Of((Google.Rpc.Code)code);
}
