namespace Grpc.Core;

/// <summary>Writes a stream of messages. Only one write may be pending at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Options for subsequent writes; null means the call's defaults.</summary>
    WriteOptions? WriteOptions { get; set; }

    Task WriteAsync(T message);

    /// <summary>Writes a message, observing a cancellation token if the implementation supports it.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            throw new NotSupportedException("This stream writer does not support cancellation tokens.");
        }

        return WriteAsync(message);
    }
}
