using System.Buffers;
using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.Net.Client.Internal.Calls;

/// <summary>
/// Request stream of client-streaming and duplex calls. Each message is framed into a reused buffer and written
/// to the HTTP/2 request body; <see cref="CompleteAsync"/> half-closes the stream.
/// </summary>
internal sealed class ClientStreamWriter<TRequest, TResponse>(
    GrpcCall<TRequest, TResponse> call,
    Http.StreamingRequestContent content) : IClientStreamWriter<TRequest>
    where TRequest : class
    where TResponse : class
{
    private readonly ArrayBufferWriter<byte> _frame = new();
    private bool _writeInProgress;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; } = call.Options.WriteOptions;

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("Can't write the message because the request stream is complete.");
        }

        if (call.IsFinished)
        {
            throw call.CreateWriteException(null);
        }

        if (_writeInProgress)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        _writeInProgress = true;
        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelByCaller(), call)
            : default;
        try
        {
            var stream = await content.RequestStream.WaitAsync(call.CallToken).ConfigureAwait(false);

            var options = call.Channel.GetWriteOptions(call.RequestEncoding, WriteOptions);
            _frame.ResetWrittenCount();
            MessageFramer.WriteMessage(_frame, message, call.Method.RequestMarshaller.ContextualSerializer, options);

            await stream.WriteAsync(_frame.WrittenMemory, call.CallToken).ConfigureAwait(false);
            if ((WriteOptions?.Flags & WriteFlags.BufferHint) != WriteFlags.BufferHint)
            {
                await stream.FlushAsync(call.CallToken).ConfigureAwait(false);
            }
        }
        catch (RpcException ex) when (!call.IsFinished)
        {
            // A local framing error (e.g. message too large) ends the call with that status.
            call.Finish(ex.Status, Metadata.Empty);
            throw call.CreateFailureException();
        }
        catch (Exception ex) when (ex is not RpcException && ex is not InvalidOperationException)
        {
            throw call.CreateWriteException(ex);
        }
        finally
        {
            registration.Dispose();
            _writeInProgress = false;
        }
    }

    public Task CompleteAsync()
    {
        if (_writeInProgress)
        {
            throw new InvalidOperationException("Can't complete the request stream because a write is in progress.");
        }

        _completed = true;
        content.Complete();
        return Task.CompletedTask;
    }
}
