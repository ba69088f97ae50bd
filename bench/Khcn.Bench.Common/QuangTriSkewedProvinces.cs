namespace Khcn.Bench.Common;

/// <summary>
/// Picks a record's province, skewed towards today's Quảng Trị so that the filter <c>province_code = "44"</c> has many
/// pages: a share under code 44, a share under the closed code 45 (old Quảng Trị, which the same filter matches), up
/// to 90% over the other open codes and the last 10% over the other closed codes.
/// </summary>
/// <param name="todaysPercent">Percentage of records under code 44.</param>
/// <param name="oldPercent">Percentage of records under the closed code 45.</param>
public sealed class QuangTriSkewedProvinces(ProvinceCodes provinces, int todaysPercent, int oldPercent)
{
    public const string TodaysQuangTri = "44";
    public const string OldQuangTri = "45";

    private readonly IReadOnlyList<ProvinceCode> _otherOpen = [.. provinces.Open.Where(c => c.Code != TodaysQuangTri)];
    private readonly IReadOnlyList<ProvinceCode> _otherClosed = [.. provinces.Closed.Where(c => c.Code != OldQuangTri)];
    private readonly ProvinceCode _todaysQuangTri = provinces[TodaysQuangTri];
    private readonly ProvinceCode _oldQuangTri = provinces[OldQuangTri];

    public ProvinceCode Pick(ref Draw draw)
    {
        var roll = draw.Between(0, 99);
        return roll < todaysPercent ? _todaysQuangTri
            : roll < todaysPercent + oldPercent ? _oldQuangTri
            : roll < 90 ? draw.Pick(_otherOpen)
            : draw.Pick(_otherClosed);
    }
}
