using Khcn.Aip;

namespace Khcn.Aip.Tests.Dates;

public sealed class VietnamCalendarTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("2025-06-30T16:59:59Z", "2025-06-30")]
    [InlineData("2025-06-30T17:00:00Z", "2025-07-01")]
    [InlineData("2025-07-01T08:00:00+09:00", "2025-07-01")]
    public void Today_is_the_date_in_utc_plus_seven(string instant, string expected)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VietnamCalendar.Today(new FixedTime(now)));
    }

    [Theory]
    [InlineData("2025-06-30T16:59:59", "2025-06-30")]
    [InlineData("2025-06-30T17:00:00", "2025-07-01")]
    public void A_stored_utc_time_is_dated_in_utc_plus_seven_even_when_its_kind_was_lost(string stored, string expected)
    {
        var unspecified = DateTime.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeKind.Unspecified, unspecified.Kind);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VietnamCalendar.DateOfUtc(unspecified));
    }
}
