using System.Globalization;

namespace Khcn.Aip;

/// <summary>
/// A calendar date whose month and day may be unknown (0), like google.type.Date: sources often give only
/// "2019" or "June 2019". Orders by year, then month, then day, unknown parts first.
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int Day) : IComparable<PartialDate>
{
    public bool IsComplete => Year > 0 && Month > 0 && Day > 0;

    public static PartialDate? FromProto(Google.Type.Date? date) =>
        date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0)
            ? null
            : new PartialDate(date.Year, date.Month, date.Day);

    public Google.Type.Date ToProto() => new() { Year = Year, Month = Month, Day = Day };

    /// <summary>yyyymmdd with zeros for unknown parts: an integer column that sorts and range-filters correctly.</summary>
    public int ToSortable() => (Year * 10_000) + (Month * 100) + Day;

    public static PartialDate FromSortable(int sortable) =>
        new(sortable / 10_000, sortable / 100 % 100, sortable % 100);

    public static PartialDate FromDateOnly(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DateOnly? ToDateOnly() => IsComplete && IsValid(Year, Month, Day) ? new DateOnly(Year, Month, Day) : null;

    /// <summary>Parses "2019-06-12", "2019-06" or "2019"; rejects impossible dates such as "2019-02-30".</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split('-');
        int[] widths = [4, 2, 2];
        if (parts.Length > widths.Length)
        {
            return false;
        }

        var values = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != widths[i]
                || !parts[i].All(char.IsAsciiDigit)
                || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        if (!IsValid(values[0], values[1], values[2]) || values[0] == 0 || (parts.Length >= 2 && values[1] == 0) || (parts.Length == 3 && values[2] == 0))
        {
            return false;
        }

        date = new PartialDate(values[0], values[1], values[2]);
        return true;
    }

    /// <summary>
    /// Field violations of a google.type.Date in a request. An absent (null or all-zero) date is valid here:
    /// whether the field is required is the caller's decision.
    /// </summary>
    public static IReadOnlyList<FieldViolation> Validate(Google.Type.Date? date, string field, bool requireComplete = false)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return [];
        }

        var violations = new List<FieldViolation>();
        if (date.Year is < 1 or > 9999)
        {
            violations.Add(new FieldViolation($"{field}.year", "must be between 1 and 9999"));
        }

        if (date.Month is < 0 or > 12)
        {
            violations.Add(new FieldViolation($"{field}.month", "must be between 1 and 12, or 0 when unknown"));
        }
        else if (date.Day != 0 && date.Month == 0)
        {
            violations.Add(new FieldViolation($"{field}.day", "must be 0 when the month is unknown"));
        }
        else if (date.Day < 0 || (date.Day > 0 && !IsValid(Math.Clamp(date.Year, 1, 9999), date.Month, date.Day)))
        {
            violations.Add(new FieldViolation($"{field}.day", "is not a day of the given month"));
        }

        if (requireComplete && violations.Count == 0 && (date.Month == 0 || date.Day == 0))
        {
            violations.Add(new FieldViolation(field, "must be a complete date (year, month and day)"));
        }

        return violations;
    }

    public int CompareTo(PartialDate other) => ToSortable().CompareTo(other.ToSortable());

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    public override string ToString() => (Month, Day) switch
    {
        (0, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    /// <summary>Year 1..9999, month 0..12, day 0..days-in-month, and a day only with a month.</summary>
    private static bool IsValid(int year, int month, int day) =>
        year is >= 0 and <= 9999
        && month is >= 0 and <= 12
        && day >= 0
        && (day == 0 || (month > 0 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month)));
}
