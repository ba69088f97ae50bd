using Khcn.Provinces.Domain.Provinces;

namespace Khcn.Provinces.Application.Officials;

/// <summary>Bounds of a post's period for "held on date D" queries when the sources give partial dates.</summary>
public static class PostDates
{
    /// <summary>
    /// The last day a (possibly partial) end date can mean: "2020" ends on 2020-12-31, "2020-11" on 2020-11-31
    /// (past any real day, which is all a range test needs), and an unknown end leaves the post open.
    /// </summary>
    public static int LastPossibleDay(int sortableEnd) => sortableEnd switch
    {
        0 => ProvinceUnit.OpenEnd,
        _ when sortableEnd % 10_000 == 0 => sortableEnd + 1231,
        _ when sortableEnd % 100 == 0 => sortableEnd + 31,
        _ => sortableEnd,
    };
}
