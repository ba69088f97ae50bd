namespace Khcn.Aip;

/// <summary>Dates as they are in Viet Nam: government records are dated in Indochina Time.</summary>
public static class VietnamCalendar
{
    /// <summary>Viet Nam has used UTC+7 without daylight saving since 1975; a constant needs no tzdata on the host.</summary>
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(timeProvider.GetUtcNow().ToOffset(UtcOffset).DateTime);
    }
}
