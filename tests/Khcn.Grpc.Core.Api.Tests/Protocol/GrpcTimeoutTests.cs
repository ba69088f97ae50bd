using Khcn.Grpc.Protocol;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("500n", 5L)]
    [InlineData("99999999H", 99_999_999L * 36_000_000_000L)]
    [InlineData("0m", 0L)]
    public void TimeoutParse_AcceptsEveryUnit(string header, long expectedTicks)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Fact]
    public void TimeoutParse_NanosecondsRoundUpToWholeTicks()
    {
        Assert.True(GrpcTimeout.TryParse("1n", out var timeout));

        Assert.Equal(1, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData("1 S")]
    [InlineData(" 1S")]
    [InlineData("1s")]
    [InlineData("1h")]
    [InlineData("1x")]
    [InlineData("1.5S")]
    [InlineData("١S")]
    public void TimeoutParse_RejectsInvalidValues(string header)
    {
        Assert.False(GrpcTimeout.TryParse(header, out _));
    }

    [Fact]
    public void TimeoutParse_RejectsNull()
    {
        Assert.False(GrpcTimeout.TryParse(null, out _));
    }

    [Theory]
    [InlineData(5L, "500n")]
    [InlineData(999_999L, "99999900n")]
    [InlineData(1_000_000L, "100000u")]
    [InlineData(10_000_000L, "1000000u")]
    [InlineData(999_999_990L, "99999999u")]
    [InlineData(1_000_000_000L, "100000m")]
    [InlineData(36_000_000_000L, "3600000m")]
    [InlineData(TimeSpan.TicksPerDay * 365, "31536000S")]
    [InlineData(TimeSpan.TicksPerDay * 365 * 10, "5256000M")]
    [InlineData(TimeSpan.TicksPerDay * 365 * 1000, "8760000H")]
    public void TimeoutFormat_UsesFinestUnitThatFitsEightDigits(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void TimeoutFormat_RoundsUpWhenUnitIsCoarserThanValue()
    {
        // 99,999,999.1 µs does not fit in 8 digits of µs, so it is sent in ms, rounded up (never shortened).
        var timeout = TimeSpan.FromTicks(999_999_991);

        Assert.Equal("100000m", GrpcTimeout.Format(timeout));
    }

    [Fact]
    public void TimeoutFormat_NeverExceedsEightDigits()
    {
        foreach (var ticks in new[] { 1L, 999_999L, 1_000_001L, 123_456_789_012L, TimeSpan.MaxValue.Ticks })
        {
            var header = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));
            Assert.InRange(header.Length - 1, 1, 8);
            Assert.True(GrpcTimeout.TryParse(header, out _), header);
        }
    }

    [Fact]
    public void TimeoutFormat_RoundTripNeverShortensTimeout()
    {
        foreach (var ticks in new[] { 1L, 3L, 999_999_991L, 1_234_567_891L, 98_765_432_109_876L })
        {
            Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Format(TimeSpan.FromTicks(ticks)), out var parsed));
            Assert.True(parsed.Ticks >= ticks, $"{ticks} -> {parsed.Ticks}");
        }
    }

    [Fact]
    public void TimeoutFormat_BeyondLargestValue_ClampsToMaximumHours()
    {
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));
    }

    [Fact]
    public void TimeoutFormat_ZeroOrNegative_IsSmallestPositiveTimeout()
    {
        Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.Zero));
        Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.FromSeconds(-5)));
    }
}
