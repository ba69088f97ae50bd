using System.Diagnostics;
using Khcn.Redis.Protocol;

namespace Khcn.Redis.Connection;

/// <summary>
/// A command written to the socket and waiting for its reply. Replies arrive in the order commands
/// were written, so the reader completes these strictly first-in first-out. A command that timed out
/// or was cancelled stays in the queue: its reply still arrives and is then discarded.
/// </summary>
internal sealed class PendingCommand(RedisCommand command, long deadlineTimestamp)
    : TaskCompletionSource<RespValue>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    private CancellationTokenRegistration _cancellation;

    public RedisCommand Command { get; } = command;

    /// <summary>The <see cref="Stopwatch"/> timestamp after which the caller gets a timeout.</summary>
    public long DeadlineTimestamp { get; } = deadlineTimestamp;

    public void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingCommand)state!).TrySetCanceled(token), this);
        }
    }

    public void Complete(RespValue reply)
    {
        if (reply.IsError)
        {
            TrySetException(new RedisServerException(reply.AsString()!));
        }
        else
        {
            TrySetResult(reply);
        }
        _cancellation.Dispose();
    }

    public void Fail(Exception exception)
    {
        TrySetException(exception);
        _cancellation.Dispose();
    }
}
