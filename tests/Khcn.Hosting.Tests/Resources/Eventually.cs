namespace Khcn.Hosting.Tests.Resources;

/// <summary>Waits for a condition that becomes true on its own (a server finishing its start), with a generous limit.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public static Task<bool> TrueAsync(Func<bool> condition) => TrueAsync(() => Task.FromResult(condition()));
}
