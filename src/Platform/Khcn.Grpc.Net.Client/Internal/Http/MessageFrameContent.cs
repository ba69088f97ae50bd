namespace Grpc.Net.Client.Internal.Http;

/// <summary>Request body of unary and server-streaming calls: one already-framed message, sent with a known length.</summary>
internal sealed class MessageFrameContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _frame;

    public MessageFrameContent(ReadOnlyMemory<byte> frame)
    {
        _frame = frame;
        GrpcRequestFactory.SetGrpcContentType(this);
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        stream.WriteAsync(_frame).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _frame.Length;
        return true;
    }
}
