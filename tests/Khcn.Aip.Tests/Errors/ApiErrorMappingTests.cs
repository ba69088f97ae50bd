using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Aip;

namespace Khcn.Aip.Tests.Errors;

public sealed class ApiErrorMappingTests
{
    [Theory]
    [InlineData("/khcn.provinces.v1.ProvincesService/GetProvince", "provinces.khcn.gov.vn")]
    [InlineData("/khcn.ip.v1.IpAssetsService/ListIpAssets", "ip.khcn.gov.vn")]
    [InlineData("/khcn.tasks.v1.TasksService/GetTask", "tasks.khcn.gov.vn")]
    [InlineData("/grpc.health.v1.Health/Check", "khcn.gov.vn")]
    [InlineData("", "khcn.gov.vn")]
    [InlineData("garbage", "khcn.gov.vn")]
    public void Domain_is_the_api_segment_of_the_package(string method, string domain)
    {
        Assert.Equal(domain, ApiErrorMapping.DomainForMethod(method));
    }

    [Theory]
    [InlineData(ApiErrorCode.InvalidArgument, StatusCode.InvalidArgument)]
    [InlineData(ApiErrorCode.NotFound, StatusCode.NotFound)]
    [InlineData(ApiErrorCode.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(ApiErrorCode.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(ApiErrorCode.Aborted, StatusCode.Aborted)]
    [InlineData(ApiErrorCode.PermissionDenied, StatusCode.PermissionDenied)]
    [InlineData(ApiErrorCode.Unauthenticated, StatusCode.Unauthenticated)]
    [InlineData(ApiErrorCode.ResourceExhausted, StatusCode.ResourceExhausted)]
    [InlineData(ApiErrorCode.Unavailable, StatusCode.Unavailable)]
    [InlineData(ApiErrorCode.Internal, StatusCode.Internal)]
    [InlineData(ApiErrorCode.OutOfRange, StatusCode.OutOfRange)]
    public void Each_error_code_maps_to_its_grpc_status(ApiErrorCode code, StatusCode expected)
    {
        var rpc = ApiErrorMapping.ToRpcException(new ApiException(code, "SOME_REASON", "message"), "x.khcn.gov.vn");

        Assert.Equal(expected, rpc.StatusCode);
        Assert.Equal((int)expected, rpc.GetRpcStatus()!.Code);
    }

    [Fact]
    public void Status_without_an_exception_carries_the_same_details_as_the_failed_call()
    {
        var error = ApiException.InvalidArgument("The task is invalid.", new FieldViolation("task.title", "is required"));

        var status = ApiErrorMapping.ToStatus(error, "tasks.khcn.gov.vn");
        var rpcStatus = ApiErrorMapping.ToRpcException(error, "tasks.khcn.gov.vn").GetRpcStatus()!;

        Assert.Equal(rpcStatus, status);
        Assert.Equal("tasks.khcn.gov.vn", status.GetDetail<Google.Rpc.ErrorInfo>()!.Domain);
        Assert.Equal("task.title", Assert.Single(status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public void Not_found_carries_error_info_and_resource_info()
    {
        var rpc = ApiErrorMapping.ToRpcException(ApiException.NotFound("khcn.provinces.v1.Province", "provinces/45"), "provinces.khcn.gov.vn");
        var status = rpc.GetRpcStatus()!;

        var errorInfo = status.GetDetail<ErrorInfo>()!;
        Assert.Equal(("PROVINCE_NOT_FOUND", "provinces.khcn.gov.vn"), (errorInfo.Type, errorInfo.Domain));
        var resourceInfo = status.GetDetail<ResourceInfo>()!;
        Assert.Equal(("khcn.provinces.v1.Province", "provinces/45"), (resourceInfo.ResourceType, resourceInfo.ResourceName));
        Assert.Null(status.GetDetail<BadRequest>());
        Assert.Equal("Province \"provinces/45\" was not found.", status.Message);
    }

    [Fact]
    public void Invalid_argument_carries_bad_request_violations()
    {
        var e = ApiException.InvalidArgument("INVALID_FILTER", "Bad filter.", new FieldViolation("filter", "unknown field"), new FieldViolation("page_size", "negative"));
        var status = ApiErrorMapping.ToRpcException(e, "tasks.khcn.gov.vn").GetRpcStatus()!;

        var badRequest = status.GetDetail<BadRequest>()!;
        Assert.Equal([("filter", "unknown field"), ("page_size", "negative")], badRequest.FieldViolations.Select(v => (v.Field, v.Description)));
        Assert.Equal("INVALID_FILTER", status.GetDetail<ErrorInfo>()!.Type);
        Assert.Null(status.GetDetail<ResourceInfo>());
    }

    [Fact]
    public void Error_info_metadata_is_copied()
    {
        var e = ApiException.InvalidStateTransition("khcn.tasks.v1.Task", "tasks/abc", "PROPOSED", "ACCEPTED");
        var errorInfo = ApiErrorMapping.ToRpcException(e, "tasks.khcn.gov.vn").GetRpcStatus()!.GetDetail<ErrorInfo>()!;

        Assert.Equal("PROPOSED", errorInfo.Metadata["from_state"]);
        Assert.Equal("ACCEPTED", errorInfo.Metadata["to_state"]);
    }
}
