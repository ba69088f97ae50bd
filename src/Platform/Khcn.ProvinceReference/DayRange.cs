namespace Khcn.ProvinceReference;

/// <summary>
/// The days a yyyymmdd date may stand for. Sources often date records "2019" or "2019-06" (unknown parts are 00),
/// so such a date covers a whole year or month.
/// </summary>
internal readonly record struct DayRange(int First, int Last)
{
    public static DayRange Of(int sortable)
    {
        var (year, month, day) = (sortable / 10_000, sortable / 100 % 100, sortable % 100);
        if (month == 0)
        {
            return new DayRange((year * 10_000) + 101, (year * 10_000) + 1231);
        }

        if (day == 0)
        {
            var daysInMonth = month <= 12 ? DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) : 31;
            return new DayRange((year * 10_000) + (month * 100) + 1, (year * 10_000) + (month * 100) + daysInMonth);
        }

        return new DayRange(sortable, sortable);
    }

    /// <summary>The day after a complete yyyymmdd date (used to find the unit that took over after a closure).</summary>
    public static int NextDay(int sortable)
    {
        var (year, month, day) = (sortable / 10_000, sortable / 100 % 100, sortable % 100);
        if (year is < 1 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return sortable + 1;
        }

        var next = new DateOnly(year, month, day).AddDays(1);
        return (next.Year * 10_000) + (next.Month * 100) + next.Day;
    }
}
