using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;

namespace Khcn.IntellectualProperty.Application.Assets;

/// <summary>The order_by fields of ListAssets (AIP-132).</summary>
public static class AssetOrdering
{
    public const string DefaultOrderBy = "filing_date desc";

    public static readonly OrderBySchema<IpAsset> Fields = new OrderBySchema<IpAsset>()
        .Field("filing_date", a => a.FilingDate)
        .Field("grant_date", a => a.GrantDate)
        .Field("expiry_date", a => a.ExpiryDate)
        .Field("title", a => a.Title)
        .Field("application_number", a => a.ApplicationNumber)
        .Field("create_time", a => a.CreateTime)
        .Field("update_time", a => a.UpdateTime);
}
