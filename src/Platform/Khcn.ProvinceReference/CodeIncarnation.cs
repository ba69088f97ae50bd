namespace Khcn.ProvinceReference;

/// <summary>
/// One unit a code denoted between two days (code 44: Quảng Bình until 2025-06-30, Quảng Trị since 2025-07-01).
/// Days are yyyymmdd; an unset start is <see cref="OpenStart"/>, an unset end <see cref="OpenEnd"/>.
/// </summary>
internal sealed record CodeIncarnation(string Code, string DisplayName, int ValidFrom, int ValidTo, string SuccessorCode)
{
    public const int OpenStart = 0;

    public const int OpenEnd = 99991231;

    public bool IsOpen => ValidTo == OpenEnd;

    /// <summary>Whether the unit existed on at least one day of <paramref name="days"/>.</summary>
    public bool Overlaps(DayRange days) => ValidFrom <= days.Last && days.First <= ValidTo;
}
