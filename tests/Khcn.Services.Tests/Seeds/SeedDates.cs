using Khcn.Provinces.V1;
using GoogleDate = Google.Type.Date;

namespace Khcn.Services.Tests.Seeds;

/// <summary>Calendar helpers for google.type.Date values in the seeds.</summary>
public static class SeedDates
{
    public static bool IsSet(this GoogleDate? date) => date is not null && date.Year != 0;

    public static bool IsFull(this GoogleDate? date) => date.IsSet() && date!.Month != 0 && date.Day != 0;

    /// <summary>Converts a full date; partial dates are refused because validity needs exact days.</summary>
    public static DateOnly ToDateOnly(this GoogleDate date) =>
        date.IsFull()
            ? new DateOnly(date.Year, date.Month, date.Day)
            : throw new InvalidDataException($"Expected a full date, got {date}.");

    /// <summary>Unset bounds are open: a unit without valid_from predates our records, without valid_to still exists.</summary>
    public static bool IsValidOn(this Province province, DateOnly day) =>
        (!province.ValidFrom.IsSet() || province.ValidFrom.ToDateOnly() <= day)
        && (!province.ValidTo.IsSet() || day <= province.ValidTo.ToDateOnly());

    /// <summary>Earliest day a possibly partial date can denote (year-only → 1 January).</summary>
    public static DateOnly FirstDay(this GoogleDate date) =>
        new(date.Year, date.Month == 0 ? 1 : date.Month, date.Day == 0 ? 1 : date.Day);

    /// <summary>Latest day a possibly partial date can denote (year-only → 31 December).</summary>
    public static DateOnly LastDay(this GoogleDate date)
    {
        var month = date.Month == 0 ? 12 : date.Month;
        return new DateOnly(date.Year, month, date.Day == 0 ? DateTime.DaysInMonth(date.Year, month) : date.Day);
    }
}
