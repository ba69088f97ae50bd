using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

public sealed class GrpcHttpStatusMappingTests
{
    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(415, StatusCode.Unknown)]
    [InlineData(302, StatusCode.Unknown)]
    public void HttpStatusWithoutGrpcStatus_MapsPerSpecTable(int httpStatus, StatusCode expected)
    {
        Assert.Equal(expected, GrpcHttpStatusMapping.ToStatusCode(httpStatus));
    }
}
