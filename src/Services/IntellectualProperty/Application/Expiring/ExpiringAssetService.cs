using Khcn.Aip;
using Khcn.Data;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.V1;
using Khcn.ProvinceReference;
using Microsoft.EntityFrameworkCore;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.Expiring;

/// <summary>
/// ListExpiringAssets: the assets in force whose current term ends between as_of and expire_before (both inclusive),
/// and with include_grace_period also those already past expiry whose grace period has not ended on as_of. The window
/// is SQL over the stored term columns (computed at every change), so the list pages by keyset like ListAssets; each
/// asset's stage and days until expiry are then worked out from as_of.
/// </summary>
public sealed class ExpiringAssetService(IpDbContext db, IProvinceReference provinces, TimeProvider time)
{
    /// <summary>Soonest expiry first: the order a renewal reminder is worked through.</summary>
    private const string DefaultOrderBy = "expiry_date";

    public async Task<ListExpiringAssetsResponse> ListAsync(ListExpiringAssetsRequest request, CancellationToken cancellationToken)
    {
        var window = ExpiryWindow.Read(request, VietnamCalendar.Today(time));
        var asOf = window.AsOfSortable;
        var expireBefore = window.ExpireBeforeSortable;

        // Expiry 0 means none (a GI, or a seeded asset whose filing date is unknown): such an asset never expires here.
        var assets = db.Assets.AsNoTracking()
            .Where(a => a.State == State.InForce && a.ExpiryDate != 0 && a.ExpiryDate <= expireBefore);
        // A grace period end of 0 (not renewable) is never on or after a real date, so those stay out of the grace case.
        assets = window.IncludeGracePeriod
            ? assets.Where(a => a.ExpiryDate >= asOf || a.GracePeriodEnd >= asOf)
            : assets.Where(a => a.ExpiryDate >= asOf);

        var page = await assets.KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy, window.TokenBinding),
            await AssetFilters.Schemas.ForAsync(provinces, request.Filter, cancellationToken),
            // The order_by fields of ListAssets, whose filter fields this list shares too.
            AssetOrdering.Fields,
            DefaultOrderBy,
            a => a.Id,
            cancellationToken);
        var response = new ListExpiringAssetsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.ExpiringAssets.AddRange(page.Items.Select(a => ExpiringAssetMapping.ToProto(a, window.AsOf)));
        return response;
    }
}
