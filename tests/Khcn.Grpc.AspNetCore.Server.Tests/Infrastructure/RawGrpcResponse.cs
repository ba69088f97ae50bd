using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;

/// <summary>Everything a raw HTTP/2 client saw of one gRPC call.</summary>
public sealed record RawGrpcResponse(
    HttpStatusCode HttpStatus,
    Version HttpVersion,
    HttpResponseHeaders Headers,
    HttpContentHeaders ContentHeaders,
    HttpResponseHeaders Trailers,
    byte[] Body)
{
    /// <summary>True when the status came in the only HEADERS frame (no body, no trailing HEADERS).</summary>
    public bool IsTrailersOnly => Body.Length == 0 && !Trailers.Contains("grpc-status") && Headers.Contains("grpc-status");

    public int? GrpcStatus
    {
        get
        {
            var value = Value("grpc-status");
            return value is null ? null : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>grpc-message as sent on the wire (still percent-encoded).</summary>
    public string? RawGrpcMessage => Value("grpc-message");

    public string? GrpcMessage => RawGrpcMessage is null ? null : Uri.UnescapeDataString(RawGrpcMessage);

    public List<(byte Flag, byte[] Payload)> Messages => GrpcFrames.Parse(Body);

    public List<EchoReply> Replies => Messages.Select(m => EchoReply.Parser.ParseFrom(m.Flag == 1 ? GrpcFrames.Gunzip(m.Payload) : m.Payload)).ToList();

    /// <summary>A header or trailer value from wherever the server put it.</summary>
    public string? Value(string name)
    {
        if (Trailers.TryGetValues(name, out var trailerValues))
        {
            return string.Join(",", trailerValues);
        }

        return Headers.TryGetValues(name, out var headerValues) ? string.Join(",", headerValues) : null;
    }

    public IEnumerable<string> TrailerValues(string name) => Trailers.TryGetValues(name, out var values) ? values : [];
}
