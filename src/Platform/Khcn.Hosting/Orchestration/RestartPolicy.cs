namespace Khcn.Hosting.Orchestration;

/// <summary>
/// Exponential backoff for restarting a crashed resource: 1 s, 2 s, 4 s … up to <see cref="MaxDelay"/>. A resource that
/// stayed up for <see cref="StableAfter"/> before crashing starts again from the first delay.
/// </summary>
internal sealed record RestartPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan StableAfter)
{
    public static RestartPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    /// <summary>The delay before restart number <paramref name="attempt"/> (1 for the first restart).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }

    /// <summary>The attempt number after a crash of an instance that ran for <paramref name="uptime"/>.</summary>
    public int NextAttempt(int previousAttempt, TimeSpan uptime) => uptime >= StableAfter ? 1 : previousAttempt + 1;
}
