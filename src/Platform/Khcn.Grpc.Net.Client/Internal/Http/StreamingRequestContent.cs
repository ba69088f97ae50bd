namespace Grpc.Net.Client.Internal.Http;

/// <summary>
/// Request body of client-streaming and duplex calls. HttpClient hands us the HTTP/2 request stream when it starts
/// sending the body; the call's writer then writes frames to it, and completing the content ends the stream
/// (END_STREAM = half-close).
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _requestStream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent() => GrpcRequestFactory.SetGrpcContentType(this);

    /// <summary>The HTTP/2 request stream, once HttpClient started sending the body.</summary>
    public Task<Stream> RequestStream => _requestStream.Task;

    /// <summary>Ends the request body normally (client half-close).</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Stops waiting for messages because the call ended.</summary>
    public void Abort()
    {
        _requestStream.TrySetCanceled();
        _completed.TrySetResult();
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        // Flush so the HEADERS frame goes out now: a duplex server may answer before the client writes anything.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _requestStream.TrySetResult(stream);
        // HttpClient cancels this token when the response ends first (e.g. the server failed the call early).
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
