namespace Khcn.Bench.Common;

/// <summary>Runs numbered calls with a fixed number of callers, each taking the next number until none are left.</summary>
public static class Callers
{
    /// <summary>Makes calls 0..count-1; with <paramref name="budget"/>, no new call starts once it is spent.</summary>
    /// <returns>How many calls were made.</returns>
    public static async Task<int> RunAsync(int count, int concurrency, Func<int, Task> call, TimeSpan? budget = null)
    {
        var next = -1;
        var made = 0;
        var deadline = budget is { } limit ? Environment.TickCount64 + (long)limit.TotalMilliseconds : long.MaxValue;
        var callers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while (Environment.TickCount64 < deadline && (index = Interlocked.Increment(ref next)) < count)
            {
                await call(index);
                Interlocked.Increment(ref made);
            }
        });
        await Task.WhenAll(callers);
        return made;
    }
}
