using Khcn.Aip;

namespace Khcn.IntellectualProperty.Domain.Assets;

/// <summary>The asset's yyyymmdd date columns as calendar dates, 0 standing for "unknown or none".</summary>
public static class AssetDates
{
    /// <summary>A yyyymmdd column as a date; null for 0.</summary>
    public static DateOnly? ToDate(int sortable) =>
        sortable == 0 ? null : PartialDate.FromSortable(sortable).ToDateOnly();

    /// <summary>A date as a yyyymmdd column; 0 for none.</summary>
    public static int ToSortable(DateOnly? date) => date is { } d ? PartialDate.FromDateOnly(d).ToSortable() : 0;

    /// <summary>ISO 8601 (yyyy-MM-dd), as dates appear in messages and error metadata.</summary>
    public static string Iso(DateOnly date) => PartialDate.FromDateOnly(date).ToString();
}
