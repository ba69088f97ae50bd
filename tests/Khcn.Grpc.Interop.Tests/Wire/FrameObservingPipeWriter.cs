using System.IO.Pipelines;

namespace Khcn.Grpc.Interop.Tests.Wire;

/// <summary>Pass-through <see cref="PipeWriter"/> that shows every committed byte to a <see cref="GrpcFrameFlagObserver"/>.</summary>
public sealed class FrameObservingPipeWriter(PipeWriter inner, GrpcFrameFlagObserver observer) : PipeWriter
{
    // The buffer last handed out: Advance(count) commits its first count bytes.
    private Memory<byte> _lastBuffer;

    public override Memory<byte> GetMemory(int sizeHint = 0) => _lastBuffer = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        observer.Observe(_lastBuffer.Span[..bytes]);
        _lastBuffer = default;
        inner.Advance(bytes);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;
}
