using System.Buffers;
using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.Net.Client.Internal.Calls;

/// <summary>Serializes the single request message of unary and server-streaming calls into one framed buffer.</summary>
internal static class RequestFrame
{
    // Serialization scratch space, one per thread: the frame is then copied into an array of its exact size, which
    // costs less than a growable writer and its over-sized (256-byte minimum) array per call.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    private const int MaxCachedScratchSize = 64 * 1024;

    /// <summary>
    /// Frames <paramref name="request"/> into an array of its exact size. The frame is reused by retry attempts.
    /// </summary>
    public static bool TryCreate<TRequest>(
        GrpcChannel channel,
        Marshaller<TRequest> marshaller,
        TRequest request,
        string? encoding,
        in CallOptions options,
        out ReadOnlyMemory<byte> frame,
        out Status failure)
    {
        try
        {
            var writer = t_scratch ?? new ArrayBufferWriter<byte>();
            t_scratch = null; // a serializer that starts another call on this thread gets its own writer
            MessageFramer.WriteMessage(writer, request, marshaller.ContextualSerializer, channel.GetWriteOptions(encoding, options.WriteOptions));
            if (writer.Capacity > MaxCachedScratchSize)
            {
                // A large frame keeps the writer's buffer (no copy) and does not stay pinned to the thread.
                frame = writer.WrittenMemory;
            }
            else
            {
                frame = writer.WrittenSpan.ToArray();
                writer.ResetWrittenCount();
                t_scratch = writer;
            }

            failure = default;
            return true;
        }
        catch (RpcException ex)
        {
            failure = ex.Status;
        }
        catch (Exception ex)
        {
            failure = new Status(StatusCode.Internal, "Error serializing request message.", ex);
        }

        frame = default;
        return false;
    }
}
