namespace Khcn.Bench.Provinces;

/// <summary>Runs numbered calls with a fixed number of callers, each taking the next number until none are left.</summary>
public static class Callers
{
    public static async Task RunAsync(int count, int concurrency, Func<int, Task> call)
    {
        var next = -1;
        var callers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await call(index);
            }
        });
        await Task.WhenAll(callers);
    }
}
