using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>
/// The deadline of one call (from <c>grpc-timeout</c>). It cancels the call's token when the deadline passes and
/// then ends the call with DEADLINE_EXCEEDED even if the handler ignores the token. Response writes share
/// <see cref="WriteLock"/> with that completion so the two never interleave. Only allocated for calls with a deadline.
/// </summary>
internal sealed class CallDeadline : IAsyncDisposable
{
    private readonly HttpContextServerCallContext _context;
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _registration;
    private Task? _completion;

    public CallDeadline(HttpContextServerCallContext context, TimeSpan timeout)
    {
        _context = context;
        _source = CancellationTokenSource.CreateLinkedTokenSource(context.HttpContext.RequestAborted);
        _registration = _source.Token.UnsafeRegister(static state => ((CallDeadline)state!).OnCancelled(), this);
        _source.CancelAfter(timeout);
    }

    /// <summary>Cancelled at the deadline or when the client aborts.</summary>
    public CancellationToken Token => _source.Token;

    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>True once the deadline (rather than the client) cancelled the call.</summary>
    public bool IsExceeded => _source.IsCancellationRequested && !_context.HttpContext.RequestAborted.IsCancellationRequested;

    private void OnCancelled()
    {
        if (IsExceeded)
        {
            _completion = CompleteCallAsync();
        }
    }

    private async Task CompleteCallAsync()
    {
        try
        {
            await WriteLock.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_context.Completed)
                {
                    return;
                }

                _context.CompleteWithStatusUnlocked(CallEndStatuses.DeadlineExceeded, null);
                await _context.HttpContext.Response.CompleteAsync().ConfigureAwait(false);
            }
            finally
            {
                WriteLock.Release();
            }
        }
        catch (Exception)
        {
            // The client may be gone already; there is nobody left to report to.
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Waits for a running callback, then for the completion it started, so nothing touches the
        // HttpContext after the request ends.
        await _registration.DisposeAsync().ConfigureAwait(false);
        if (_completion is not null)
        {
            await _completion.ConfigureAwait(false);
        }

        _source.Dispose();
        WriteLock.Dispose();
    }
}
