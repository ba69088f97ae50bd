using Grpc.Core;
using Khcn.Aip;
using Khcn.Grpc.Errors;

namespace Khcn.ProvinceReference;

/// <summary>
/// The refusals of the province rule of writes. Their domain is the suite's (<c>khcn.gov.vn</c>), not the called
/// service's, because they mean the same in every service, like the scope refusals of authentication.
/// </summary>
public static class ProvinceWriteErrors
{
    /// <summary>The caller holds the write scope but not the record's province (nor its lineage).</summary>
    public const string ProvinceNotGrantedReason = "PROVINCE_NOT_GRANTED";

    /// <summary>The record belongs to no province: only the Ministry writes it.</summary>
    public const string MinistryRequiredReason = "MINISTRY_REQUIRED";

    public static ApiException ProvinceNotGranted(string service, string resource, string provinceCode) => new(
        ApiErrorCode.PermissionDenied,
        ProvinceNotGrantedReason,
        $"The caller's token does not grant province {provinceCode}, which writing {resource} needs "
            + $"(claim khcn_provinces; a merged province's code also covers its historical codes).",
        metadata: new Dictionary<string, string>
        {
            ["province_code"] = provinceCode,
            ["resource"] = resource,
            ["service"] = service,
        });

    public static ApiException MinistryRequired(string service, string resource) => new(
        ApiErrorCode.PermissionDenied,
        MinistryRequiredReason,
        $"{resource} belongs to no province: only the Ministry (scope khcn.ministry with {service}.write) may write it.",
        metadata: new Dictionary<string, string>
        {
            ["resource"] = resource,
            ["service"] = service,
        });

    /// <summary>The refusal as the call's status, ErrorInfo in the suite's domain.</summary>
    public static RpcException ToRpcException(ApiException refusal) => ApiErrorMapping.ToRpcException(refusal, KhcnErrorDomain.Value);

    /// <summary>The refusal as one record's status in a streamed answer.</summary>
    public static Google.Rpc.Status ToStatus(ApiException refusal) => ApiErrorMapping.ToStatus(refusal, KhcnErrorDomain.Value);
}
