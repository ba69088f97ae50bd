using Grpc.Core;

namespace Khcn.ServiceDefaults.Hardening;

/// <summary>A request stream that fails the call when the client sends more than <paramref name="maxMessages"/> messages.</summary>
internal sealed class LimitedRequestStream<T>(IAsyncStreamReader<T> inner, int maxMessages, string fullMethodName)
    : IAsyncStreamReader<T>
{
    private int _read;

    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Counted as each message arrives, so the call stops at the first one over the limit, not after reading all.
        if (++_read > maxMessages)
        {
            throw HardeningErrors.RequestStreamTooLong(maxMessages, fullMethodName);
        }

        return true;
    }
}
