using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.CoreApi;

public sealed class StatusTests
{
    [Theory]
    [InlineData(StatusCode.OK, 0)]
    [InlineData(StatusCode.Cancelled, 1)]
    [InlineData(StatusCode.Unknown, 2)]
    [InlineData(StatusCode.InvalidArgument, 3)]
    [InlineData(StatusCode.DeadlineExceeded, 4)]
    [InlineData(StatusCode.NotFound, 5)]
    [InlineData(StatusCode.AlreadyExists, 6)]
    [InlineData(StatusCode.PermissionDenied, 7)]
    [InlineData(StatusCode.ResourceExhausted, 8)]
    [InlineData(StatusCode.FailedPrecondition, 9)]
    [InlineData(StatusCode.Aborted, 10)]
    [InlineData(StatusCode.OutOfRange, 11)]
    [InlineData(StatusCode.Unimplemented, 12)]
    [InlineData(StatusCode.Internal, 13)]
    [InlineData(StatusCode.Unavailable, 14)]
    [InlineData(StatusCode.DataLoss, 15)]
    [InlineData(StatusCode.Unauthenticated, 16)]
    public void StatusCode_HasSpecNumericValue(StatusCode code, int expected)
    {
        Assert.Equal(expected, (int)code);
    }

    [Fact]
    public void StatusCode_HasExactlySeventeenValues()
    {
        Assert.Equal(17, Enum.GetValues<StatusCode>().Length);
    }

    [Fact]
    public void DefaultStatuses_AreOkAndCancelledWithEmptyDetail()
    {
        Assert.Equal(StatusCode.OK, Status.DefaultSuccess.StatusCode);
        Assert.Equal(StatusCode.Cancelled, Status.DefaultCancelled.StatusCode);
        Assert.Equal("", Status.DefaultSuccess.Detail);
        Assert.Equal("", Status.DefaultCancelled.Detail);
    }

    [Fact]
    public void DebugException_IsKeptLocallyAndShownInToString()
    {
        var cause = new InvalidOperationException("boom");
        var status = new Status(StatusCode.Internal, "failed", cause);

        Assert.Same(cause, status.DebugException);
        Assert.Contains("boom", status.ToString());
        Assert.Contains("Internal", status.ToString());
    }

    [Fact]
    public void RpcException_ExposesStatusCodeAndEmptyTrailersByDefault()
    {
        var ex = new RpcException(new Status(StatusCode.NotFound, "không có"));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("không có", ex.Status.Detail);
        Assert.Empty(ex.Trailers);
        Assert.Contains("NotFound", ex.Message);
    }

    [Fact]
    public void RpcException_KeepsTrailersAndCustomMessage()
    {
        var trailers = new Metadata { { "retry-after", "5" } };
        var ex = new RpcException(new Status(StatusCode.Unavailable, "busy"), trailers, "custom");

        Assert.Same(trailers, ex.Trailers);
        Assert.Equal("custom", ex.Message);
    }

    [Fact]
    public void RpcException_InnerExceptionIsStatusDebugException()
    {
        var cause = new TimeoutException();

        Assert.Same(cause, new RpcException(new Status(StatusCode.DeadlineExceeded, "", cause)).InnerException);
    }
}
