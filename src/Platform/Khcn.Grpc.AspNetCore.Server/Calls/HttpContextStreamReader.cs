using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Request stream of a client- or duplex-streaming call, read message by message from the request body.</summary>
internal sealed class HttpContextStreamReader<TRequest>(HttpContextServerCallContext context, RequestMessageReader<TRequest> reader)
    : IAsyncStreamReader<TRequest>
    where TRequest : class
{
    private TRequest? _current;
    private bool _readInProgress;
    private bool _completed;

    public TRequest Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_readInProgress)
        {
            return Task.FromException<bool>(new InvalidOperationException("Can't read the next message because the previous read is still in progress."));
        }

        if (_completed)
        {
            _current = null;
            return Task.FromResult(false);
        }

        if (context.CancellationToken.IsCancellationRequested)
        {
            return Task.FromException<bool>(CallCancelledException());
        }

        return MoveNextCoreAsync(cancellationToken);
    }

    private async Task<bool> MoveNextCoreAsync(CancellationToken cancellationToken)
    {
        _readInProgress = true;
        try
        {
            // Handlers usually pass the call's own token (ReadAllAsync(context.CancellationToken)): no linking needed then.
            using var linked = cancellationToken.CanBeCanceled && cancellationToken != context.CancellationToken
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken)
                : null;
            var token = linked?.Token ?? context.CancellationToken;
            var message = await reader.ReadAsync(token).ConfigureAwait(false);
            if (message is null)
            {
                _completed = true;
                _current = null;
                return false;
            }

            _current = message;
            return true;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw CallCancelledException();
        }
        finally
        {
            _readInProgress = false;
        }
    }

    private RpcException CallCancelledException() => context.DeadlineExceeded
        ? new RpcException(CallEndStatuses.DeadlineExceeded)
        : new RpcException(CallEndStatuses.CancelledByClient);
}
