using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.Net.Client.Internal.Http;

/// <summary>Reads a call's status from response headers (Trailers-Only, HTTP errors) and from trailers.</summary>
internal static class GrpcResponseStatus
{
    /// <summary>
    /// Decides from the response headers whether the call already ended. Returns <c>null</c> for a normal gRPC
    /// response (HTTP 200, gRPC content type, no grpc-status): messages and trailers follow.
    /// </summary>
    /// <param name="trailersOnly">True when the headers carry the status (Trailers-Only): they are the call's trailers.</param>
    public static Status? FromResponseHeaders(HttpResponseMessage response, out bool trailersOnly)
    {
        // grpc-status wins over everything else when present (http-grpc-status-mapping.md).
        if (TryGetHeader(response.Headers, GrpcProtocolConstants.StatusTrailer, out var statusValue))
        {
            trailersOnly = true;
            return Parse(statusValue, response.Headers);
        }

        trailersOnly = false;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // An intermediary (or a non-gRPC server) answered: map the HTTP status.
            var httpStatus = (int)response.StatusCode;
            return new Status(GrpcHttpStatusMapping.ToStatusCode(httpStatus), $"Bad gRPC response. HTTP status code: {httpStatus}");
        }

        var contentType = TryGetHeader(response.Content.Headers, GrpcProtocolConstants.ContentTypeHeader, out var value) ? value : null;
        if (!GrpcProtocolConstants.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}");
        }

        return null;
    }

    /// <summary>Status from the trailers received after the last message.</summary>
    public static Status FromTrailers(HttpHeaders trailers) =>
        TryGetHeader(trailers, GrpcProtocolConstants.StatusTrailer, out var statusValue)
            ? Parse(statusValue, trailers)
            : new Status(StatusCode.Internal, "Bad gRPC response. Response ended without a grpc-status trailer.");

    private static Status Parse(string statusValue, HttpHeaders headers)
    {
        var message = TryGetHeader(headers, GrpcProtocolConstants.MessageTrailer, out var encoded)
            ? GrpcMessageText.Decode(encoded)
            : string.Empty;

        // statuscodes.md: an unknown or unparseable code is treated as UNKNOWN.
        if (!int.TryParse(statusValue, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code > (int)StatusCode.Unauthenticated)
        {
            return new Status(StatusCode.Unknown, $"Bad gRPC response. Invalid grpc-status value: '{statusValue}'. {message}".TrimEnd());
        }

        return new Status((StatusCode)code, message);
    }

    private static bool TryGetHeader(HttpHeaders headers, string name, out string value)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var item in values)
            {
                value = item;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }
}
