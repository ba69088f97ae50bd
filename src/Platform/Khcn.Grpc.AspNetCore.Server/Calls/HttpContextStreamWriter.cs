using Grpc.Core;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Response stream of a server- or duplex-streaming call; every write is flushed so clients see it at once.</summary>
internal sealed class HttpContextStreamWriter<TResponse>(HttpContextServerCallContext context, ResponseMessageWriter<TResponse> writer)
    : IServerStreamWriter<TResponse>
    where TResponse : class
{
    private bool _writeInProgress;

    public WriteOptions? WriteOptions
    {
        get => context.WriteOptions;
        set => context.WriteOptions = value;
    }

    public Task WriteAsync(TResponse message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(TResponse message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_writeInProgress)
        {
            return Task.FromException(new InvalidOperationException("Can't write the message because the previous write is in progress."));
        }

        if (context.Completed)
        {
            return Task.FromException(new InvalidOperationException("Can't write the message because the call is complete."));
        }

        if (context.CancellationToken.IsCancellationRequested)
        {
            return Task.FromException(new InvalidOperationException("Can't write the message because the call is cancelled."));
        }

        return WriteCoreAsync(message, cancellationToken);
    }

    private async Task WriteCoreAsync(TResponse message, CancellationToken cancellationToken)
    {
        _writeInProgress = true;
        try
        {
            // BufferHint lets a handler batch several messages into one flush.
            var flush = context.WriteOptions is not { } options || (options.Flags & WriteFlags.BufferHint) == 0;
            await writer.WriteAsync(message, flush, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeInProgress = false;
        }
    }
}
