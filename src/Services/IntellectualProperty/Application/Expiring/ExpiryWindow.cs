using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Application.Expiring;

/// <summary>
/// The dates a ListExpiringAssets request asks about, validated: the reference date (as_of, default today in Viet
/// Nam), the last expiry date of interest (expire_before, inclusive) and whether assets already past expiry but still
/// inside their grace period count.
/// </summary>
public sealed record ExpiryWindow(DateOnly AsOf, DateOnly ExpireBefore, bool IncludeGracePeriod)
{
    /// <summary>as_of as the stored yyyymmdd form, for comparisons in SQL.</summary>
    public int AsOfSortable => AssetDates.ToSortable(AsOf);

    /// <summary>expire_before as the stored yyyymmdd form, for comparisons in SQL.</summary>
    public int ExpireBeforeSortable => AssetDates.ToSortable(ExpireBefore);

    /// <summary>
    /// The request parameters besides filter and order_by that decide which assets a page holds: a page token is bound
    /// to them (as the effective as_of, so a default "today" that has moved on cannot reuse an older token).
    /// </summary>
    public string?[] TokenBinding =>
    [
        AssetDates.Iso(AsOf),
        AssetDates.Iso(ExpireBefore),
        IncludeGracePeriod ? "grace" : "no-grace",
    ];

    /// <summary>
    /// The window of <paramref name="request"/>, or INVALID_ARGUMENT listing every problem at once: expire_before
    /// missing or not a complete date, as_of not a complete date, expire_before before as_of.
    /// </summary>
    public static ExpiryWindow Read(ListExpiringAssetsRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new Validator();

        // A date the request gives is a complete, existing day; absent or invalid is null (the violations are added).
        DateOnly? CompleteDate(Google.Type.Date? date, string field)
        {
            var problems = PartialDate.Validate(date, field, requireComplete: true);
            validator.Add(problems);
            return problems.Count == 0 ? PartialDate.FromProto(date)?.ToDateOnly() : null;
        }

        var asOf = CompleteDate(request.AsOf, "as_of") ?? today;
        if (PartialDate.FromProto(request.ExpireBefore) is null)
        {
            validator.Add("expire_before", "is required: the last expiry date to include (e.g. as_of plus the days to look ahead)");
        }

        var expireBefore = CompleteDate(request.ExpireBefore, "expire_before");
        if (expireBefore is { } end && end < asOf)
        {
            validator.Add(
                "expire_before",
                $"must not be before as_of ({AssetDates.Iso(asOf)}): nothing can expire in a window that ends before it starts");
        }

        validator.ThrowIfInvalid("The expiring-assets request has invalid fields.");
        return new ExpiryWindow(asOf, expireBefore!.Value, request.IncludeGracePeriod);
    }
}
