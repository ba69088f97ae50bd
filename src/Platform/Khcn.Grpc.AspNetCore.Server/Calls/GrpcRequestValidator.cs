using System.Buffers;
using Grpc.Core;
using Khcn.Grpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>
/// Rejects requests that are not gRPC over HTTP/2 before any handler runs, answering with the HTTP status
/// the official server uses (426 for HTTP/1.x, 415 for a non-gRPC content type) plus a gRPC status.
/// </summary>
internal static class GrpcRequestValidator
{
    public static bool TryValidate(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            WriteHttpError(
                httpContext,
                StatusCodes.Status426UpgradeRequired,
                $"Request protocol '{request.Protocol}' is not supported. gRPC requires HTTP/2: use TLS with ALPN h2, or HTTP/2 prior knowledge (h2c) on cleartext.");
            return false;
        }

        if (!GrpcProtocolConstants.IsGrpcContentType(request.ContentType))
        {
            WriteHttpError(
                httpContext,
                StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{request.ContentType}' is not supported.");
            return false;
        }

        return true;
    }

    private static void WriteHttpError(HttpContext httpContext, int httpStatusCode, string message)
    {
        var response = httpContext.Response;
        response.StatusCode = httpStatusCode;
        response.Headers[GrpcProtocolConstants.StatusTrailer] = StatusCodeStrings.Get(StatusCode.Internal);
        response.Headers[GrpcProtocolConstants.MessageTrailer] = GrpcMessageText.Encode(message);
        response.ContentType = "text/plain; charset=utf-8";

        // The body is written synchronously into the response buffer; the pipeline flushes it.
        var body = System.Text.Encoding.UTF8.GetBytes(message);
        response.ContentLength = body.Length;
        response.BodyWriter.Write(body);
    }
}
