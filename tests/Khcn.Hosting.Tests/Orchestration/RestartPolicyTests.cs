using Khcn.Hosting.Orchestration;

namespace Khcn.Hosting.Tests.Orchestration;

public sealed class RestartPolicyTests
{
    private static readonly RestartPolicy Policy = RestartPolicy.Default;

    [Fact]
    public void Delay_doubles_from_one_second()
    {
        Assert.Equal(
            [1, 2, 4, 8, 16],
            Enumerable.Range(1, 5).Select(a => Policy.DelayBefore(a).TotalSeconds));
    }

    [Fact]
    public void Delay_is_capped_at_thirty_seconds_however_many_crashes()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.DelayBefore(6));
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.DelayBefore(1000));
    }

    [Fact]
    public void A_crash_after_a_stable_minute_starts_the_backoff_again()
    {
        Assert.Equal(1, Policy.NextAttempt(previousAttempt: 5, uptime: TimeSpan.FromMinutes(2)));
        Assert.Equal(6, Policy.NextAttempt(previousAttempt: 5, uptime: TimeSpan.FromSeconds(3)));
    }
}
