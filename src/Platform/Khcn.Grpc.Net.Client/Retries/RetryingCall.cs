using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client.Internal;
using Grpc.Net.Client.Internal.Calls;
using Khcn.Grpc.Protocol;
using Microsoft.Extensions.Logging;

namespace Grpc.Net.Client.Retries;

/// <summary>
/// A unary or server-streaming call with a retry policy (gRFC A6). Attempts are sent until one commits — the server
/// sent response headers, after which the call belongs to that attempt and is never retried — or until a failure is
/// not retryable, attempts are exhausted, the server's pushback forbids a retry, or the caller gives up.
/// The serialized request is kept for replays and counted against the channel's retry buffer limits.
/// </summary>
internal sealed class RetryingCall<TRequest, TResponse> : IResponseCall<TResponse>
    where TRequest : class
    where TResponse : class
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly GrpcMethodInfo _methodInfo;
    private readonly EffectiveRetryPolicy _policy;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _disposed = new();
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private Task<GrpcCall<TRequest, TResponse>>? _finalAttempt;
    private GrpcCall<TRequest, TResponse>? _currentAttempt;

    public RetryingCall(GrpcChannel channel, Method<TRequest, TResponse> method, GrpcMethodInfo methodInfo, EffectiveRetryPolicy policy, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _methodInfo = methodInfo;
        _policy = policy;
        _options = options;
    }

    public TResponse Current => FinalAttempt.Current;

    private Task<GrpcCall<TRequest, TResponse>> FinalTask => _finalAttempt ?? throw new InvalidOperationException("The call has not started.");

    private GrpcCall<TRequest, TResponse> FinalAttempt => FinalTask.IsCompletedSuccessfully
        ? FinalTask.Result
        : throw new InvalidOperationException("No response has been read yet.");

    public void Start(TRequest request)
    {
        var first = NewAttempt(0);
        if (!RequestFrame.TryCreate(_channel, _method.RequestMarshaller, request, first.RequestEncoding, _options, out var frame, out var failure))
        {
            first.StartFailed(failure);
            first.MeasureAsCall(_startTimestamp);
            _finalAttempt = Task.FromResult(first);
            return;
        }

        // Without room in the retry buffer the call still runs, just as a single attempt.
        var buffered = _channel.TryReserveRetryBuffer(frame.Length);
        _finalAttempt = RunCallAsync(first, frame, buffered ? _policy.MaxAttempts : 1, buffered ? frame.Length : 0);
    }

    /// <summary>Runs the attempts; the final one reports the duration of the whole call, backoff delays included.</summary>
    private async Task<GrpcCall<TRequest, TResponse>> RunCallAsync(GrpcCall<TRequest, TResponse> first, ReadOnlyMemory<byte> frame, int maxAttempts, long bufferedBytes)
    {
        var final = await RunAttemptsAsync(first, frame, maxAttempts, bufferedBytes).ConfigureAwait(false);
        final.MeasureAsCall(_startTimestamp);
        return final;
    }

    public async Task<TResponse> GetResponseAsync() =>
        await (await FinalTask.ConfigureAwait(false)).GetResponseAsync().ConfigureAwait(false);

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var attempt = await FinalTask.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await attempt.MoveNext(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Metadata> GetResponseHeadersAsync() =>
        await (await FinalTask.ConfigureAwait(false)).GetResponseHeadersAsync().ConfigureAwait(false);

    public Status GetStatus() => _finalAttempt is { IsCompletedSuccessfully: true } task
        ? task.Result.GetStatus()
        : throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() => _finalAttempt is { IsCompletedSuccessfully: true } task
        ? task.Result.GetTrailers()
        : throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

    public void Dispose()
    {
        _disposed.Cancel();
        Volatile.Read(ref _currentAttempt)?.Dispose();
    }

    private async Task<GrpcCall<TRequest, TResponse>> RunAttemptsAsync(GrpcCall<TRequest, TResponse> attempt, ReadOnlyMemory<byte> frame, int maxAttempts, long bufferedBytes)
    {
        var backoff = new RetryBackoff(_policy);
        try
        {
            for (var attemptNumber = 1; ; attemptNumber++)
            {
                Volatile.Write(ref _currentAttempt, attempt);
                if (_disposed.IsCancellationRequested)
                {
                    attempt.StartFailed(new Status(StatusCode.Cancelled, "gRPC call disposed."));
                    return attempt;
                }

                attempt.StartWithMessage(frame);
                if (await attempt.CommitTask.ConfigureAwait(false))
                {
                    return attempt;
                }

                var status = attempt.GetStatus();
                if (attemptNumber >= maxAttempts
                    || !_policy.IsRetryable(status.StatusCode)
                    || !RetryPushback.AllowsRetry(attempt.FinishedTrailers, out var pushback)
                    || _options.CancellationToken.IsCancellationRequested
                    || _disposed.IsCancellationRequested)
                {
                    return attempt;
                }

                var delay = backoff.NextDelay(pushback);
                if (_channel.Logger.IsEnabled(LogLevel.Debug))
                {
                    ClientLog.Retrying(_channel.Logger, _method.FullName, status.StatusCode, delay, attemptNumber + 1);
                }

                var next = NewAttempt(attemptNumber);
                if (!await WaitBeforeRetryAsync(delay, next).ConfigureAwait(false))
                {
                    return next;
                }

                attempt = next;
            }
        }
        finally
        {
            if (bufferedBytes > 0)
            {
                _channel.ReleaseRetryBuffer(bufferedBytes);
            }
        }
    }

    /// <summary>Waits out the backoff; false (with <paramref name="next"/> finished) when the deadline, the caller or Dispose ends the call first.</summary>
    private async Task<bool> WaitBeforeRetryAsync(TimeSpan delay, GrpcCall<TRequest, TResponse> next)
    {
        var deadlineHit = false;
        var deadline = GrpcCall<TRequest, TResponse>.NormalizeDeadline(_options.Deadline);
        if (deadline != DateTime.MaxValue)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= delay)
            {
                delay = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
                deadlineHit = true;
            }
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_options.CancellationToken, _disposed.Token);
        try
        {
            await Task.Delay(delay, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            next.StartFailed(_disposed.IsCancellationRequested
                ? new Status(StatusCode.Cancelled, "gRPC call disposed.")
                : CallEndStatuses.CancelledByClient);
            return false;
        }

        if (deadlineHit)
        {
            next.StartFailed(CallEndStatuses.DeadlineExceeded);
            return false;
        }

        return true;
    }

    private GrpcCall<TRequest, TResponse> NewAttempt(int previousAttempts) =>
        new(_channel, _method, _methodInfo, _options, previousAttempts, isRetryAttempt: true);
}
