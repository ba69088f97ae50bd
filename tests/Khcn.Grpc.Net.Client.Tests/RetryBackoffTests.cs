using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Grpc.Net.Client.Retries;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class RetryBackoffTests
{
    private static EffectiveRetryPolicy Policy(int maxAttempts = 5) => EffectiveRetryPolicy.Create(new RetryPolicy
    {
        MaxAttempts = maxAttempts,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromMilliseconds(1000),
        BackoffMultiplier = 3,
        RetryableStatusCodes = { StatusCode.Unavailable },
    }, maxRetryAttempts: 5)!;

    [Fact]
    public void Backoff_IsRandomBelowAnExponentialBoundCappedAtMaxBackoff()
    {
        double[] bounds = [100, 300, 900, 1000, 1000, 1000];
        var sawJitter = false;
        for (var run = 0; run < 200; run++)
        {
            var backoff = new RetryBackoff(Policy());
            foreach (var bound in bounds)
            {
                var delay = backoff.NextDelay(pushback: null).TotalMilliseconds;
                Assert.InRange(delay, 0, bound);
                sawJitter |= delay < bound * 0.9;
            }
        }

        Assert.True(sawJitter);
    }

    [Fact]
    public void Pushback_ReplacesTheDelayAndResetsTheBound()
    {
        var backoff = new RetryBackoff(Policy());
        backoff.NextDelay(null);
        backoff.NextDelay(null);

        Assert.Equal(TimeSpan.FromMilliseconds(5000), backoff.NextDelay(TimeSpan.FromMilliseconds(5000)));
        Assert.InRange(backoff.NextDelay(null).TotalMilliseconds, 0, 100);
    }

    [Fact]
    public void RetryPolicy_WithFewerThanTwoAttempts_IsInvalid() =>
        Assert.Throws<InvalidOperationException>(() => Policy(maxAttempts: 1));

    [Fact]
    public void RetryPolicy_IsCappedByMaxRetryAttempts() =>
        Assert.Equal(5, Policy(maxAttempts: 50).MaxAttempts);
}
