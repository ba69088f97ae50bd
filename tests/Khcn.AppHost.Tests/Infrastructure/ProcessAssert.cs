namespace Khcn.AppHost.Tests.Infrastructure;

public static class ProcessAssert
{
    // An orphan is reaped by init shortly after its parent exits: a process still alive after this is a leak.
    private static readonly TimeSpan ReapGrace = TimeSpan.FromSeconds(10);

    /// <summary>None of <paramref name="processes"/> is still running (a zombie or a reused pid does not count).</summary>
    /// <param name="grace">How long they may take to go (default: the reaping grace).</param>
    public static async Task NoneAliveAsync(IReadOnlyList<ProcessIdentity> processes, AppHostProcess appHost, TimeSpan? grace = null)
    {
        var deadline = DateTime.UtcNow + (grace ?? ReapGrace);
        var alive = processes.Where(p => p.IsAlive).ToList();
        while (alive.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            alive = alive.Where(p => p.IsAlive).ToList();
        }

        Assert.True(alive.Count == 0, appHost.Describe($"Still running after the AppHost stopped: {string.Join(", ", alive)}."));
    }
}
