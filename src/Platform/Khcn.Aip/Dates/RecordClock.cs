namespace Khcn.Aip;

/// <summary>
/// The time we record writes at. Truncated to whole microseconds because PostgreSQL keeps no more:
/// the timestamps a write returns must equal what a later read returns, on either provider.
/// </summary>
public sealed class RecordClock(TimeProvider time)
{
    public DateTime UtcNow()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }

    /// <summary>Today in Viet Nam (UTC+7, no daylight saving), as yyyymmdd.</summary>
    public int TodayInVietnam()
    {
        var today = VietnamCalendar.Today(time);
        return today.Year * 10000 + today.Month * 100 + today.Day;
    }
}
