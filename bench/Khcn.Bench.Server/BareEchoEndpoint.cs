using Khcn.Bench.V1;

namespace Khcn.Bench.Server;

/// <summary>
/// The ceiling: plain Kestrel HTTP/2 answering the Echo path with precomputed bytes identical to what a
/// gRPC server returns (application/grpc headers, one message frame, grpc-status 0 trailer).
/// It still drains the request body, because any real server has to; it skips everything else
/// (protobuf parsing, call context, serialization), so it bounds what our gRPC layer can reach.
/// </summary>
public sealed class BareEchoEndpoint(int payloadSize)
{
    private readonly ReadOnlyMemory<byte> _framedResponse = BenchWire.Frame(BenchPayload.CreateResponse(payloadSize));

    public async Task HandleAsync(HttpContext context)
    {
        var body = context.Request.BodyReader;
        while (true)
        {
            var read = await body.ReadAsync(context.RequestAborted);
            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        var response = context.Response;
        response.ContentType = BenchWire.GrpcContentType;
        response.AppendTrailer(BenchWire.GrpcStatusTrailer, "0");
        await response.BodyWriter.WriteAsync(_framedResponse, context.RequestAborted);
    }
}
