namespace Khcn.Aip;

/// <summary>Dates as they are in Viet Nam: government records are dated in Indochina Time.</summary>
public static class VietnamCalendar
{
    /// <summary>Viet Nam has used UTC+7 without daylight saving since 1975; a constant needs no tzdata on the host.</summary>
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOf(timeProvider.GetUtcNow());
    }

    /// <summary>The calendar day in Viet Nam of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    /// <summary>The calendar day in Viet Nam of a UTC time as stored (the kind may have been lost on the way).</summary>
    public static DateOnly DateOfUtc(DateTime utc) => DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
