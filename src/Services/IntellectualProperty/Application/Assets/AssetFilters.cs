using System.Globalization;
using System.Linq.Expressions;
using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.ProvinceReference;

namespace Khcn.IntellectualProperty.Application.Assets;

/// <summary>
/// The AIP-160 filter fields of ListAssets, shared by ListExpiringAssets and SummarizeAssets ("the same fields as
/// ListAssets"). Every term translates to SQL on both providers. <c>province_code = "44"</c> matches every code of the
/// unit's merger lineage (44 and the closed 45); <c>nice_classes:30</c> (or <c>= 30</c>) finds the assets that name
/// class 30 among theirs.
/// </summary>
public static class AssetFilters
{
    public static readonly ProvinceFilterSchemas<IpAsset> Schemas = new("province_code", a => a.ProvinceCode, schema => schema
        .Enum("kind", a => a.Kind)
        .Enum("mark_type", a => a.MarkType)
        .Enum("state", a => a.State)
        .Enum("representation", a => a.Representation)
        .Custom("nice_classes", NiceClassTerm)
        .FoldedText("title", a => a.FoldedTitle)
        .FoldedText("holder.display_name", a => a.FoldedHolderName)
        .Enum("holder.kind", a => a.HolderKind)
        .String("application_number", a => a.ApplicationNumber)
        .String("grant_number", a => a.GrantNumber)
        .String("origin_task", a => a.OriginTask)
        .Date("filing_date", a => a.FilingDate)
        .Date("publication_date", a => a.PublicationDate)
        .Date("grant_date", a => a.GrantDate)
        .Date("expiry_date", a => a.ExpiryDate)
        .Year("filing_year", a => a.FilingYear)
        .Int("renewal_count", a => a.RenewalCount)
        .Int("ocop.stars", a => a.OcopStars)
        .GlobalText(a => a.SearchText));

    /// <summary>A class is one of 1–45 (Nice Classification); the stored "|9|30|" tokens make membership one LIKE.</summary>
    private static Expression<Func<IpAsset, bool>> NiceClassTerm(FilterComparison comparison)
    {
        if (comparison.Operator is not (FilterOperator.Has or FilterOperator.Equal))
        {
            throw Filters.Invalid($"nice_classes supports ':' and '=' (an asset has a class among its classes), not '{comparison.OperatorText}'");
        }

        if (!int.TryParse(comparison.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var niceClass) || niceClass is < AssetValidation.MinNiceClass or > AssetValidation.MaxNiceClass)
        {
            throw Filters.Invalid(
                $"nice_classes takes a Nice class from {AssetValidation.MinNiceClass} to {AssetValidation.MaxNiceClass}, not \"{comparison.Value}\"");
        }

        var token = $"|{niceClass.ToString(CultureInfo.InvariantCulture)}|";
        return a => a.NiceClassTokens.Contains(token);
    }
}
