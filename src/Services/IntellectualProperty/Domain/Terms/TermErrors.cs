using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Domain.Terms;

/// <summary>
/// FAILED_PRECONDITION refusals of RenewAsset and ExpireAsset that come from the protection term, not from the state:
/// each names the asset and carries, as ErrorInfo metadata, the dates a client needs to know when to try again.
/// </summary>
public static class TermErrors
{
    /// <summary>The kind is protected for one term only (inventions, utility solutions) or without end (GIs).</summary>
    public static ApiException NotRenewable(IpAsset asset) => Refusal(
        asset,
        "NOT_RENEWABLE",
        asset.Kind == AssetKind.GeographicalIndication
            ? $"{NameOf(asset)} is a geographical indication: it is protected indefinitely and is never renewed (IP Law Art. 93)."
            : $"{NameOf(asset)} is a {ProtoEnumNames.Of(asset.Kind)}: its protection has a single term that cannot be renewed (IP Law Art. 93).",
        new Dictionary<string, string> { ["kind"] = ProtoEnumNames.Of(asset.Kind) });

    /// <summary>An industrial design renewed as often as the law allows.</summary>
    public static ApiException RenewalLimitReached(IpAsset asset, int maxRenewals, DateOnly? expiry) => Refusal(
        asset,
        "RENEWAL_LIMIT_REACHED",
        $"{NameOf(asset)} has been renewed {asset.RenewalCount} times, the most a {ProtoEnumNames.Of(asset.Kind)} allows (IP Law Art. 93)"
            + (expiry is { } end ? $"; its protection ends on {AssetDates.Iso(end)}." : "."),
        new Dictionary<string, string>
        {
            ["kind"] = ProtoEnumNames.Of(asset.Kind),
            ["renewal_count"] = asset.RenewalCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["max_renewals"] = maxRenewals.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>An asset in force whose term cannot be computed (a seeded record without kind or filing date).</summary>
    public static ApiException TermUnknown(IpAsset asset) => Refusal(
        asset,
        "TERM_UNKNOWN",
        asset.Kind == AssetKind.Unspecified
            ? $"The protection term of {NameOf(asset)} is unknown because its kind is not recorded."
            : $"The protection term of {NameOf(asset)} is unknown because its filing date is not recorded: "
                + "record the filing date with UpdateAsset first.",
        new Dictionary<string, string> { ["missing_field"] = asset.Kind == AssetKind.Unspecified ? "kind" : "filing_date" });

    /// <summary>A renewal requested before the window opens or after the grace period closed.</summary>
    public static ApiException OutsideRenewalWindow(IpAsset asset, DateOnly requestDate, ProtectionTerm term) => Refusal(
        asset,
        "OUTSIDE_RENEWAL_WINDOW",
        $"A renewal of {NameOf(asset)} may be requested from {Iso(term.RenewalWindowStart)} "
            + $"({ProtectionTerms.RenewalWindowMonths} months before its expiry on {Iso(term.ExpiryDate)}) "
            + $"to {Iso(term.GracePeriodEnd)} (the end of the grace period), not on {AssetDates.Iso(requestDate)}.",
        new Dictionary<string, string>
        {
            ["request_date"] = AssetDates.Iso(requestDate),
            ["renewal_window_start"] = Iso(term.RenewalWindowStart),
            ["grace_period_end"] = Iso(term.GracePeriodEnd),
            ["expiry_date"] = Iso(term.ExpiryDate),
        });

    /// <summary>ExpireAsset before protection has ended for good (expiry, plus the grace period when renewable).</summary>
    public static ApiException TermNotEnded(IpAsset asset, DateOnly eventDate, ProtectionTerm term)
    {
        var metadata = new Dictionary<string, string>
        {
            ["event_date"] = AssetDates.Iso(eventDate),
            ["expiry_date"] = Iso(term.ExpiryDate),
        };
        string until;
        if (term.GracePeriodEnd is { } graceEnd)
        {
            metadata["grace_period_end"] = AssetDates.Iso(graceEnd);
            until = $"{AssetDates.Iso(graceEnd)} (the end of the grace period after its expiry on {Iso(term.ExpiryDate)})";
        }
        else
        {
            until = Iso(term.ExpiryDate);
        }

        return Refusal(
            asset,
            "TERM_NOT_ENDED",
            $"{NameOf(asset)} can still be protected until {until}: it can be expired after that date, not on {AssetDates.Iso(eventDate)}.",
            metadata);
    }

    /// <summary>ExpireAsset on a geographical indication, whose protection has no end.</summary>
    public static ApiException IndefiniteTerm(IpAsset asset) => Refusal(
        asset,
        "TERM_NOT_ENDED",
        $"{NameOf(asset)} is a geographical indication: GIs are protected indefinitely (IP Law Art. 93) and never expire; "
            + "protection ends only by TerminateAsset or InvalidateAsset.",
        new Dictionary<string, string> { ["kind"] = ProtoEnumNames.Of(asset.Kind) });

    private static ApiException Refusal(IpAsset asset, string reason, string message, IReadOnlyDictionary<string, string> metadata) =>
        ApiException.FailedPrecondition(reason, message, metadata, AssetLifecycle.ResourceType, NameOf(asset));

    private static string NameOf(IpAsset asset) => $"assets/{asset.Id}";

    private static string Iso(DateOnly? date) => date is { } d ? AssetDates.Iso(d) : "";
}
