using Khcn.Provinces.V1;

namespace Khcn.Provinces.Domain.Officials;

/// <summary>
/// A post held during a period. Stored as rows (not a JSON list) because "who held this post on date D"
/// is a query: role, province and the date bounds are indexed.
/// </summary>
public sealed class OfficialPosition
{
    public required string OfficialId { get; init; }

    /// <summary>Position of the post in the official's list, kept so the API returns them in the order given.</summary>
    public int Ordinal { get; set; }

    public PositionRole Role { get; set; }

    public string Title { get; set; } = "";

    public string Organisation { get; set; } = "";

    /// <summary>Province code as coded on the dates of the post; null for central bodies.</summary>
    public string? ProvinceCode { get; set; }

    /// <summary>First day in post as given (yyyymmdd, partial allowed, 0 unknown).</summary>
    public int StartDate { get; set; }

    /// <summary>Last day in post as given (yyyymmdd, partial allowed, 0 still in post or unknown).</summary>
    public int EndDate { get; set; }

    /// <summary>Lower bound of the post for date queries: the start date, 0 when unknown.</summary>
    public int StartBound { get; set; }

    /// <summary>Upper bound for date queries: the end date's last possible day, 99991231 when open.</summary>
    public int EndBound { get; set; }
}
