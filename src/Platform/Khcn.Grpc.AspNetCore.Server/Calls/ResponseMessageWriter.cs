using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Frames response messages into the response body pipe, compressed when negotiated.</summary>
internal readonly struct ResponseMessageWriter<TResponse>(HttpContextServerCallContext context, Marshaller<TResponse> marshaller)
    where TResponse : class
{
    public ValueTask WriteAsync(TResponse message, bool flush, CancellationToken cancellationToken)
        => context.WriteLock is null ? WriteCoreAsync(message, flush, cancellationToken) : WriteLockedAsync(message, flush, cancellationToken);

    private async ValueTask WriteLockedAsync(TResponse message, bool flush, CancellationToken cancellationToken)
    {
        var writeLock = context.WriteLock!;
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (context.Completed)
            {
                // The deadline already ended the call.
                throw new RpcException(CallEndStatuses.DeadlineExceeded);
            }

            await WriteCoreAsync(message, flush, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private ValueTask WriteCoreAsync(TResponse message, bool flush, CancellationToken cancellationToken)
    {
        var bodyWriter = context.HttpContext.Response.BodyWriter;
        MessageFramer.WriteMessage(bodyWriter, message, marshaller.ContextualSerializer, SelectWriteOptions());
        context.MarkResponseStarted();
        if (!flush)
        {
            return default;
        }

        var flushTask = bodyWriter.FlushAsync(cancellationToken);
        return flushTask.IsCompletedSuccessfully ? default : AwaitFlushAsync(flushTask);
    }

    private static async ValueTask AwaitFlushAsync(ValueTask<System.IO.Pipelines.FlushResult> flushTask)
        => await flushTask.ConfigureAwait(false);

    private MessageWriteOptions SelectWriteOptions()
    {
        var options = context.Options;
        if (context.ResponseCompression is null
            || (context.WriteOptions is { } writeOptions && (writeOptions.Flags & WriteFlags.NoCompress) != 0))
        {
            return options.UncompressedWriteOptions;
        }

        return options.CompressedWriteOptions!;
    }
}
