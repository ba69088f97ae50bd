using Khcn.Grpc.Protocol;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

public sealed class GrpcProtocolConstantsTests
{
    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/GRPC+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void ContentType_AcceptsGrpcAndSubtypes(string? contentType, bool expected)
    {
        Assert.Equal(expected, GrpcProtocolConstants.IsGrpcContentType(contentType));
    }
}
