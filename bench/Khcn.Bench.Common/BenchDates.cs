using Google.Type;

namespace Khcn.Bench.Common;

/// <summary>Day arithmetic the generators share, and the contract's date message.</summary>
public static class BenchDates
{
    public static Date ToDate(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
