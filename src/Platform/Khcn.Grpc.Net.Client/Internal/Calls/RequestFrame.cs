using System.Buffers;
using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.Net.Client.Internal.Calls;

/// <summary>Serializes the single request message of unary and server-streaming calls into one framed buffer.</summary>
internal static class RequestFrame
{
    /// <summary>
    /// Frames <paramref name="request"/>. Protobuf messages announce their size, so the marshaller writes straight
    /// after the 5-byte header in a buffer of the exact size. The frame is reused by retry attempts.
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
            var noCompress = (options.WriteOptions?.Flags & WriteFlags.NoCompress) == WriteFlags.NoCompress;
            var writer = new ArrayBufferWriter<byte>();
            MessageFramer.WriteMessage(writer, request, marshaller.ContextualSerializer, channel.GetWriteOptions(noCompress ? null : encoding));
            frame = writer.WrittenMemory;
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
