using System.Collections.Concurrent;

namespace Khcn.Caching.Internal;

/// <summary>
/// Runs at most one computation per key at a time; concurrent callers for the same key share its result.
/// This is the stampede protection: a hot entry that expires causes one database query, not hundreds.
/// </summary>
internal sealed class SingleFlight
{
    private readonly ConcurrentDictionary<string, Task<byte[]>> _inFlight = new(StringComparer.Ordinal);

    public Task<byte[]> RunAsync(string key, Func<Task<byte[]>> work)
    {
        while (true)
        {
            if (_inFlight.TryGetValue(key, out var running))
            {
                return running;
            }
            var completion = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_inFlight.TryAdd(key, completion.Task))
            {
                continue; // another caller won the race: join its flight
            }
            _ = ExecuteAsync(key, work, completion);
            return completion.Task;
        }
    }

    private async Task ExecuteAsync(string key, Func<Task<byte[]>> work, TaskCompletionSource<byte[]> completion)
    {
        try
        {
            completion.TrySetResult(await work().ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            completion.TrySetException(ex);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<byte[]>>(key, completion.Task));
        }
    }
}
