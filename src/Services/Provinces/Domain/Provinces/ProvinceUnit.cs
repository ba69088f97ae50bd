using Khcn.Provinces.V1;

namespace Khcn.Provinces.Domain.Provinces;

/// <summary>
/// One incarnation of a provincial code: the unit a code denoted between two dates. Code 44 has two
/// (Quảng Bình until 2025-06-30, Quảng Trị since 2025-07-01), so the key is (code, valid_from).
/// Provinces are reference data loaded from legal acts; nothing in the API writes them.
/// </summary>
public sealed class ProvinceUnit
{
    /// <summary>Sortable date (yyyymmdd) for "since before our records".</summary>
    public const int OpenStart = 0;

    /// <summary>Sortable date (yyyymmdd) for "still valid"; ranges compare without null checks.</summary>
    public const int OpenEnd = 99991231;

    public required string Code { get; init; }

    /// <summary>First valid day as yyyymmdd, <see cref="OpenStart"/> when it predates our records.</summary>
    public int ValidFrom { get; init; } = OpenStart;

    /// <summary>Last valid day as yyyymmdd, <see cref="OpenEnd"/> while valid.</summary>
    public int ValidTo { get; init; } = OpenEnd;

    public required string DisplayName { get; set; }

    /// <summary><see cref="Khcn.Aip.TextFolding.Fold"/> of the name: what searches compare against.</summary>
    public required string FoldedName { get; set; }

    /// <summary><see cref="Khcn.Aip.VietnameseSortKey.For"/> of the name: ordinal order is Vietnamese order.</summary>
    public required string SortKey { get; set; }

    public ProvinceKind Kind { get; set; }

    public Region Region { get; set; }

    public string Seat { get; set; } = "";

    /// <summary>Code of the unit this one was folded into; the unit's own code when the code lives on.</summary>
    public string? SuccessorCode { get; set; }

    public string LegalBasis { get; set; } = "";

    public bool IsValidOn(int date) => ValidFrom <= date && date <= ValidTo;

    public bool IsOpen => ValidTo == OpenEnd;
}
