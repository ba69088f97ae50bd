using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using Stage = Khcn.IntellectualProperty.V1.ExpiringAsset.Types.Stage;

namespace Khcn.IntellectualProperty.Application.Expiring;

/// <summary>An asset in force with a known expiry → ExpiringAsset: where it stands on the reference date. Pure.</summary>
public static class ExpiringAssetMapping
{
    public static ExpiringAsset ToProto(IpAsset entity, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var expiry = AssetDates.ToDate(entity.ExpiryDate)
            ?? throw new InvalidOperationException($"Asset {entity.Id} has no expiry date; only assets with one are expiring.");
        return new ExpiringAsset
        {
            Asset = AssetMapping.ToProto(entity),
            Stage = StageOf(expiry, AssetDates.ToDate(entity.RenewalWindowStart), asOf),
            DaysUntilExpiry = expiry.DayNumber - asOf.DayNumber,
        };
    }

    /// <summary>
    /// NOT_RENEWABLE when the current term has no renewal window (a kind that never renews, or a design renewed
    /// twice); otherwise IN_GRACE_PERIOD once the expiry date has passed, RENEWAL_WINDOW_OPEN from the window's first
    /// day, UPCOMING before it.
    /// </summary>
    public static Stage StageOf(DateOnly expiry, DateOnly? renewalWindowStart, DateOnly asOf) => renewalWindowStart switch
    {
        null => Stage.NotRenewable,
        _ when expiry < asOf => Stage.InGracePeriod,
        { } windowStart when asOf >= windowStart => Stage.RenewalWindowOpen,
        _ => Stage.Upcoming,
    };
}
