using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Grpc.Errors;
using Khcn.Grpc.Protocol;
using GrpcStatus = global::Grpc.Core.Status;
using Status = Google.Rpc.Status;
using StatusCode = Grpc.Core.StatusCode;

namespace Khcn.Grpc.Core.Api.Tests.StatusProto;

public sealed class StatusProtoTests
{
    private static Status NotFoundStatus() => new()
    {
        Code = (int)StatusCode.NotFound,
        Message = "Không tìm thấy tỉnh Quảng Trị",
        Details = { Any.Pack(new ResourceInfo { ResourceType = "khcn.provinces.v1.Province", ResourceName = "provinces/45" }) },
    };

    [Fact]
    public void ToRpcException_StatusCodeAndMessageAgreeWithDetails()
    {
        var ex = NotFoundStatus().ToRpcException();

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Không tìm thấy tỉnh Quảng Trị", ex.Status.Detail);
        Assert.NotNull(ex.Trailers.Get(GrpcProtocolConstants.StatusDetailsTrailer));
    }

    [Fact]
    public void StatusDetails_RoundTripThroughTrailers()
    {
        var ex = NotFoundStatus().ToRpcException();

        var status = ex.GetRpcStatus();

        Assert.NotNull(status);
        Assert.Equal(NotFoundStatus(), status);
        Assert.Equal("provinces/45", status.GetStatusDetail<ResourceInfo>()!.ResourceName);
        Assert.Null(status.GetDetail<BadRequest>());
    }

    [Fact]
    public void StatusDetails_SurviveTheWireEncodingOfTrailers()
    {
        var sent = NotFoundStatus().ToRpcException();
        var received = MetadataCodec.FromHeaders(MetadataCodec.ToHeaders(sent.Trailers).Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, [h.Value])));

        Assert.Equal(NotFoundStatus(), received.GetRpcStatus());
    }

    [Fact]
    public void ToRpcException_WithMetadata_KeepsExistingEntries()
    {
        var metadata = new Metadata { { "request-id", "r1" } };

        var ex = NotFoundStatus().ToRpcException(metadata);

        Assert.Equal("r1", ex.Trailers.GetValue("request-id"));
        Assert.NotNull(ex.Trailers.GetRpcStatus());
    }

    [Fact]
    public void StatusDetailsWhoseCodeDisagreesWithGrpcStatus_AreIgnored()
    {
        var trailers = new Metadata();
        trailers.SetRpcStatus(NotFoundStatus());

        var ex = new RpcException(new GrpcStatus(StatusCode.Internal, "other"), trailers);

        Assert.Null(ex.GetRpcStatus());
    }

    [Fact]
    public void MissingStatusDetails_ReturnNull()
    {
        Assert.Null(new Metadata().GetRpcStatus());
        Assert.Null(new RpcException(new GrpcStatus(StatusCode.NotFound, "")).GetRpcStatus());
    }

    [Fact]
    public void UnparsableStatusDetails_AreIgnoredUnlessThrowRequested()
    {
        var trailers = new Metadata { { "grpc-status-details-bin", new byte[] { 0xFF, 0xFF } } };

        Assert.Null(trailers.GetRpcStatus());
        Assert.Throws<Google.Protobuf.InvalidProtocolBufferException>(() => trailers.GetRpcStatus(throwOnParseError: true));
    }

    [Fact]
    public void SetRpcStatus_ReplacesPreviousStatus()
    {
        var trailers = new Metadata();
        trailers.SetRpcStatus(new Status { Code = 3, Message = "old" });

        trailers.SetRpcStatus(NotFoundStatus());

        Assert.Single(trailers.GetAll(MetadataExtensions.StatusDetailsTrailerName));
        Assert.Equal(NotFoundStatus(), trailers.GetRpcStatus());
    }

    [Fact]
    public void UnpackDetailMessage_YieldsStandardDetailsAndSkipsUnknownTypes()
    {
        var status = NotFoundStatus();
        status.Details.Add(Any.Pack(new Khcn.Grpc.Core.Api.Tests.Generated.EchoRequest { Text = "not an error detail" }));
        status.Details.Add(Any.Pack(new ErrorInfo { Domain = KhcnErrorDomain.Value }));

        var details = status.UnpackDetailMessage().ToList();

        Assert.Collection(details, d => Assert.IsType<ResourceInfo>(d), d => Assert.IsType<ErrorInfo>(d));
    }

    [Fact]
    public void OfficialOverloadWithExplicitCode_SetsGrpcStatusIndependently()
    {
        var ex = NotFoundStatus().ToRpcException(StatusCode.Internal, "masked");

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Equal(NotFoundStatus(), ex.Trailers.GetRpcStatus());
        Assert.Null(ex.GetRpcStatus());
    }

    [Fact]
    public void DebugInfo_CarriesExceptionMessageAndStack()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("outer", new FormatException("inner"));
        }
        catch (Exception ex)
        {
            caught = ex;
        }

        var debugInfo = caught.ToRpcDebugInfo(innerDepth: 1);

        Assert.Contains("outer", debugInfo.Detail);
        Assert.Contains(debugInfo.StackEntries, e => e.Contains(nameof(DebugInfo_CarriesExceptionMessageAndStack)));
        Assert.Contains(debugInfo.StackEntries, e => e.Contains("inner"));
    }

    [Fact]
    public void InvalidArgumentError_CarriesOneBadRequestWithAllFieldViolations()
    {
        var ex = RpcErrors.InvalidArgument("invalid request", ("page_size", "must be positive"), ("filter", "unknown field 'x'"));

        var badRequest = ex.GetRpcStatus()!.GetDetail<BadRequest>()!;

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["page_size", "filter"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void NotFoundError_CarriesResourceInfo()
    {
        var ex = RpcErrors.NotFound("khcn.provinces.v1.Province", "provinces/45", "Không tìm thấy tỉnh Quảng Trị");

        var info = ex.GetRpcStatus()!.GetDetail<ResourceInfo>()!;

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(("khcn.provinces.v1.Province", "provinces/45"), (info.ResourceType, info.ResourceName));
    }

    [Theory]
    [InlineData(StatusCode.Aborted)]
    [InlineData(StatusCode.FailedPrecondition)]
    public void ConflictErrors_CarryErrorInfoInKhcnDomain(StatusCode code)
    {
        var metadata = new Dictionary<string, string> { ["task"] = "tasks/7" };
        var ex = code == StatusCode.Aborted
            ? RpcErrors.Aborted("ETAG_MISMATCH", "stale etag", metadata)
            : RpcErrors.FailedPrecondition("TASK_CLOSED", "task is closed", metadata);

        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>()!;

        Assert.Equal(code, ex.StatusCode);
        Assert.Equal(KhcnErrorDomain.Value, info.Domain);
        Assert.Equal(code == StatusCode.Aborted ? "ETAG_MISMATCH" : "TASK_CLOSED", info.Type);
        Assert.Equal("tasks/7", info.Metadata["task"]);
    }
}
