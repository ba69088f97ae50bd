using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Khcn.Grpc.Errors;

namespace Khcn.ServiceDefaults.Hardening;

/// <summary>
/// The RESOURCE_EXHAUSTED answers of the server's own limits, with ErrorInfo in the suite's domain: these reasons mean
/// the same in every service.
/// </summary>
internal static class HardeningErrors
{
    public const string RequestStreamTooLongReason = "REQUEST_STREAM_TOO_LONG";
    public const string RateLimitedReason = "RATE_LIMITED";

    public static RpcException RequestStreamTooLong(int maxMessages, string fullMethodName) =>
        new RpcStatusBuilder(
                StatusCode.ResourceExhausted,
                $"{fullMethodName} accepts at most {maxMessages} request messages in one call: split the stream into several calls.")
            .WithErrorInfo(
                RequestStreamTooLongReason,
                new Dictionary<string, string>
                {
                    ["max_messages"] = maxMessages.ToString(CultureInfo.InvariantCulture),
                    ["method"] = fullMethodName,
                })
            .ToRpcException();

    public static RpcException RateLimited(TimeSpan retryAfter) =>
        new RpcStatusBuilder(
                StatusCode.ResourceExhausted,
                $"Too many calls from this caller: retry after {retryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.")
            .WithErrorInfo(RateLimitedReason)
            .AddDetail(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) })
            .ToRpcException();
}
