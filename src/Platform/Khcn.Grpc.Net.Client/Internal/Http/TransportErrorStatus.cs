using Grpc.Core;

namespace Grpc.Net.Client.Internal.Http;

/// <summary>The status of a call that failed locally: transport errors, stream resets, framing and decompression errors.</summary>
internal static class TransportErrorStatus
{
    public static Status FromException(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RpcException rpc:
                    return rpc.Status;
                case HttpProtocolException protocol:
                    return new Status(Http2ErrorStatus.ToStatusCode(protocol.ErrorCode), $"Error reading response: HTTP/2 error code {protocol.ErrorCode}.", ex);
            }
        }

        return ex switch
        {
            HttpRequestException => new Status(StatusCode.Unavailable, $"Error starting gRPC call. {ex.GetType().Name}: {ex.Message}", ex),
            IOException => new Status(StatusCode.Unavailable, $"Error reading response. {ex.GetType().Name}: {ex.Message}", ex),
            InvalidDataException => new Status(StatusCode.Internal, $"Error decompressing response message. {ex.Message}", ex),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled.", ex),
            _ => new Status(StatusCode.Internal, $"Error in gRPC call. {ex.GetType().Name}: {ex.Message}", ex),
        };
    }
}
