using Grpc.Core;
using Khcn.Grpc.Errors;

namespace Khcn.Aip;

/// <summary>Maps <see cref="ApiException"/> to the gRPC status AIP-193 describes.</summary>
public static class ApiErrorMapping
{
    private const string PackageRoot = "khcn";

    public static RpcException ToRpcException(ApiException e, string domain) => Builder(e, domain).ToRpcException();

    /// <summary>
    /// The google.rpc.Status a call failing with <paramref name="e"/> would carry, for answers that report failures
    /// per item instead of failing the call (e.g. one record of a bulk import).
    /// </summary>
    public static Google.Rpc.Status ToStatus(ApiException e, string domain) => Builder(e, domain).Build();

    private static RpcStatusBuilder Builder(ApiException e, string domain)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);

        var builder = new RpcStatusBuilder(ToStatusCode(e.Code), e.Message)
            .WithErrorInfo(e.Reason, e.Metadata, domain);

        foreach (var violation in e.Violations)
        {
            builder.AddFieldViolation(violation.Field, violation.Description);
        }

        if (e.ResourceType is not null || e.ResourceName is not null)
        {
            builder.WithResourceInfo(e.ResourceType ?? "", e.ResourceName ?? "");
        }

        return builder;
    }

    /// <summary>
    /// The ErrorInfo domain of the service that owns <paramref name="fullMethodName"/>:
    /// "/khcn.provinces.v1.ProvincesService/GetProvince" belongs to "provinces.khcn.gov.vn".
    /// </summary>
    public static string DomainForMethod(string fullMethodName)
    {
        if (string.IsNullOrEmpty(fullMethodName))
        {
            return KhcnErrorDomain.Value;
        }

        var service = fullMethodName.TrimStart('/');
        var slash = service.IndexOf('/');
        if (slash >= 0)
        {
            service = service[..slash];
        }

        // Package "khcn.<api>.<version>" plus the service name: at least four segments.
        var segments = service.Split('.');
        if (segments.Length >= 4
            && string.Equals(segments[0], PackageRoot, StringComparison.Ordinal)
            && segments[1].Length > 0
            && segments[1].All(char.IsAsciiLetterOrDigit))
        {
            return $"{segments[1].ToLowerInvariant()}.{KhcnErrorDomain.Value}";
        }

        return KhcnErrorDomain.Value;
    }

    public static StatusCode ToStatusCode(ApiErrorCode code) => code switch
    {
        ApiErrorCode.InvalidArgument => StatusCode.InvalidArgument,
        ApiErrorCode.NotFound => StatusCode.NotFound,
        ApiErrorCode.AlreadyExists => StatusCode.AlreadyExists,
        ApiErrorCode.FailedPrecondition => StatusCode.FailedPrecondition,
        ApiErrorCode.Aborted => StatusCode.Aborted,
        ApiErrorCode.PermissionDenied => StatusCode.PermissionDenied,
        ApiErrorCode.Unauthenticated => StatusCode.Unauthenticated,
        ApiErrorCode.ResourceExhausted => StatusCode.ResourceExhausted,
        ApiErrorCode.Unavailable => StatusCode.Unavailable,
        ApiErrorCode.OutOfRange => StatusCode.OutOfRange,
        ApiErrorCode.Internal => StatusCode.Internal,
        _ => StatusCode.Unknown,
    };
}
