using Khcn.ServiceDefaults.Hardening;
using Khcn.ServiceDefaults.Hardening.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Khcn.Services.Tests.Hardening;

/// <summary>The configuration keys of the limits: defaults, and values refused at startup rather than at the first call.</summary>
public sealed class HardeningConfigurationTests
{
    [Fact]
    public void GrpcLimits_Default_To4MiBMessages_And100000StreamMessages()
    {
        var limits = GrpcLimits.FromConfiguration(Configuration());

        Assert.Equal(new GrpcLimits(4 * 1024 * 1024, 4 * 1024 * 1024, 100_000), limits);
    }

    [Theory]
    [InlineData(GrpcLimits.MaxReceiveMessageSizeKey)]
    [InlineData(GrpcLimits.MaxSendMessageSizeKey)]
    [InlineData(GrpcLimits.MaxRequestStreamMessagesKey)]
    public void GrpcLimits_ThatAreNotPositive_StopTheServiceAtStartup(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrpcLimits.FromConfiguration(Configuration((key, "0"))));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimiting_IsOff_UnlessPermitsPerSecondIsSet()
    {
        Assert.Null(RateLimitOptions.FromConfiguration(Configuration((RateLimitOptions.BurstKey, "10"))));
    }

    [Fact]
    public void RateLimitingBurst_DefaultsToOneSecondsWorth_AndAtLeastOneCall()
    {
        Assert.Equal(new RateLimitOptions(20, 20), RateLimitOptions.FromConfiguration(Configuration((RateLimitOptions.PermitsPerSecondKey, "20"))));
        Assert.Equal(new RateLimitOptions(0.5, 1), RateLimitOptions.FromConfiguration(Configuration((RateLimitOptions.PermitsPerSecondKey, "0.5"))));
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("many", null)]
    [InlineData("5", "0")]
    public void RateLimiting_WithANonPositiveRateOrBurst_StopsTheServiceAtStartup(string permits, string? burst)
    {
        var configuration = burst is null
            ? Configuration((RateLimitOptions.PermitsPerSecondKey, permits))
            : Configuration((RateLimitOptions.PermitsPerSecondKey, permits), (RateLimitOptions.BurstKey, burst));

        Assert.Throws<InvalidOperationException>(() => RateLimitOptions.FromConfiguration(configuration));
    }

    [Fact]
    public void SlowRates_RefillOnePermitPerPeriod()
    {
        Assert.Equal((TimeSpan.FromSeconds(2), 1), new RateLimitOptions(0.5, 1).Replenishment());
        Assert.Equal((TimeSpan.FromMilliseconds(200), 1), new RateLimitOptions(5, 5).Replenishment());
    }

    [Theory]
    [InlineData(1000, 100)]
    [InlineData(12, 2)]
    public void FastRates_RefillSeveralPermitsAtOnce_KeepingTheAverage(double permitsPerSecond, int tokens)
    {
        var (period, refilled) = new RateLimitOptions(permitsPerSecond, 1).Replenishment();

        Assert.Equal(tokens, refilled);
        Assert.Equal(permitsPerSecond, refilled / period.TotalSeconds, precision: 3);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
