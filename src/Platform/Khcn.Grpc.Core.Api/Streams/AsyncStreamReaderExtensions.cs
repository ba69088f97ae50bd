using System.Runtime.CompilerServices;

namespace Grpc.Core;

public static class AsyncStreamReaderExtensions
{
    /// <summary>Advances the reader without a cancellation token.</summary>
    public static Task<bool> MoveNext<T>(this IAsyncStreamReader<T> streamReader)
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        return streamReader.MoveNext(CancellationToken.None);
    }

    /// <summary>Exposes the stream as an <see cref="IAsyncEnumerable{T}"/> for use with await foreach.</summary>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> streamReader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        return ReadAllCore(streamReader, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadAllCore<T>(IAsyncStreamReader<T> streamReader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await streamReader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return streamReader.Current;
        }
    }
}
