using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Terms;

/// <summary>
/// RenewAsset and ExpireAsset on the domain: when a renewal is accepted (window and grace period, limits, kinds that
/// never renew, unknown terms), what it moves, and when protection has ended for good.
/// </summary>
public sealed class RenewalAndExpiryTests
{
    // A mark filed on 2015-03-10: expiry 2025-03-10, window from 2024-09-10, grace period to 2025-09-10.
    [Theory]
    [InlineData(2024, 9, 10)] // the window's first day
    [InlineData(2025, 1, 10)] // inside the window
    [InlineData(2025, 3, 10)] // the expiry day
    [InlineData(2025, 6, 1)] // inside the grace period
    [InlineData(2025, 9, 10)] // the grace period's last day
    public void AMarkRenewsFromTheWindowToTheEndOfTheGracePeriodIntoTheNextTerm(int year, int month, int day)
    {
        var mark = InForce(AssetKind.Mark);

        var change = mark.Renew(new DateOnly(year, month, day));

        Assert.Equal(1, mark.RenewalCount);
        Assert.Equal(State.InForce, mark.State);
        Assert.Equal((20350310, 20340910, 20350910), (mark.ExpiryDate, mark.RenewalWindowStart, mark.GracePeriodEnd));
        Assert.Equal(State.InForce, change.PreviousState);
        Assert.Equal(["renewal_count", "expiry_date", "renewal_window_start", "grace_period_end"], change.ChangedFields);
    }

    [Theory]
    [InlineData(2024, 9, 9, "2024-09-09")] // the day before the window opens
    [InlineData(2020, 1, 1, "2020-01-01")]
    [InlineData(2025, 9, 11, "2025-09-11")] // the day after the grace period
    public void ARenewalBeforeTheWindowOrAfterTheGracePeriodIsOutsideTheRenewalWindow(int year, int month, int day, string requested)
    {
        var mark = InForce(AssetKind.Mark);
        var before = Observable(mark);

        var refused = Assert.Throws<ApiException>(() => mark.Renew(new DateOnly(year, month, day)));

        Assert.Equal(ApiErrorCode.FailedPrecondition, refused.Code);
        Assert.Equal("OUTSIDE_RENEWAL_WINDOW", refused.Reason);
        Assert.Equal(requested, refused.Metadata["request_date"]);
        Assert.Equal("2024-09-10", refused.Metadata["renewal_window_start"]);
        Assert.Equal("2025-09-10", refused.Metadata["grace_period_end"]);
        Assert.Equal("assets/term-rules", refused.ResourceName);
        Assert.Equal(before, Observable(mark));
    }

    [Fact]
    public void ASecondRenewalOfAMarkRunsInTheWindowOfTheRenewedTerm()
    {
        var mark = InForce(AssetKind.Mark);
        mark.Renew(new DateOnly(2025, 1, 10));

        var tooEarly = Assert.Throws<ApiException>(() => mark.Renew(new DateOnly(2025, 2, 1)));
        mark.Renew(new DateOnly(2035, 2, 1));

        Assert.Equal("OUTSIDE_RENEWAL_WINDOW", tooEarly.Reason);
        Assert.Equal("2034-09-10", tooEarly.Metadata["renewal_window_start"]);
        Assert.Equal(2, mark.RenewalCount);
        Assert.Equal(20450310, mark.ExpiryDate);
    }

    [Fact]
    public void ADesignRenewsTwiceThenReachesItsRenewalLimit()
    {
        // Filed 2018-04-30: 2023-04-30, then 2028-04-30, then 2033-04-30 with no further window.
        var design = InForce(AssetKind.IndustrialDesign, filingDate: 20180430);

        var first = design.Renew(new DateOnly(2023, 3, 1));
        var second = design.Renew(new DateOnly(2028, 6, 1));
        var before = Observable(design);
        var third = Assert.Throws<ApiException>(() => design.Renew(new DateOnly(2033, 3, 1)));

        Assert.Equal(["renewal_count", "expiry_date", "renewal_window_start", "grace_period_end"], first.ChangedFields);
        Assert.Equal(["renewal_count", "expiry_date", "renewal_window_start", "grace_period_end"], second.ChangedFields);
        Assert.Equal((2, 20330430, 0, 0), (design.RenewalCount, design.ExpiryDate, design.RenewalWindowStart, design.GracePeriodEnd));
        Assert.Equal(ApiErrorCode.FailedPrecondition, third.Code);
        Assert.Equal("RENEWAL_LIMIT_REACHED", third.Reason);
        Assert.Equal("2", third.Metadata["max_renewals"]);
        Assert.Contains("2033-04-30", third.Message);
        Assert.Equal(before, Observable(design));
    }

    [Theory]
    [InlineData(AssetKind.Invention)]
    [InlineData(AssetKind.UtilitySolution)]
    [InlineData(AssetKind.GeographicalIndication)]
    public void AKindThatNeverRenewsIsNotRenewableWhateverTheDate(AssetKind kind)
    {
        var asset = InForce(kind);
        var before = Observable(asset);

        var refused = Assert.Throws<ApiException>(() => asset.Renew(new DateOnly(2025, 1, 10)));

        Assert.Equal(ApiErrorCode.FailedPrecondition, refused.Code);
        Assert.Equal("NOT_RENEWABLE", refused.Reason);
        Assert.Equal(ProtoEnumNames.Of(kind), refused.Metadata["kind"]);
        Assert.Equal(before, Observable(asset));
    }

    [Fact]
    public void RenewingAMarkWhoseFilingDateIsUnknownAsksForTheFilingDate()
    {
        // Like the seeded Lai Châu certification marks: in force, but the sources give no filing date.
        var seeded = InForce(AssetKind.Mark, filingDate: 0);

        var refused = Assert.Throws<ApiException>(() => seeded.Renew(new DateOnly(2025, 1, 10)));

        Assert.Equal(ApiErrorCode.FailedPrecondition, refused.Code);
        Assert.Equal("TERM_UNKNOWN", refused.Reason);
        Assert.Contains("UpdateAsset", refused.Message);
        Assert.Equal(0, seeded.RenewalCount);
    }

    [Theory]
    [InlineData(2025, 3, 10)] // expiry day
    [InlineData(2025, 9, 10)] // last day of grace: it can still be renewed
    public void AMarkDoesNotExpireBeforeItsGracePeriodIsOver(int year, int month, int day)
    {
        var mark = InForce(AssetKind.Mark);

        var refused = Assert.Throws<ApiException>(() => mark.Expire(new DateOnly(year, month, day)));

        Assert.Equal(ApiErrorCode.FailedPrecondition, refused.Code);
        Assert.Equal("TERM_NOT_ENDED", refused.Reason);
        Assert.Equal("2025-09-10", refused.Metadata["grace_period_end"]);
        Assert.Equal("2025-03-10", refused.Metadata["expiry_date"]);
        Assert.Equal(State.InForce, mark.State);
    }

    [Fact]
    public void AMarkExpiresTheDayAfterItsGracePeriod()
    {
        var mark = InForce(AssetKind.Mark);

        var change = mark.Expire(new DateOnly(2025, 9, 11));

        Assert.Equal(State.Expired, mark.State);
        Assert.Equal(["state"], change.ChangedFields);
    }

    [Fact]
    public void AnInventionExpiresTheDayAfterItsExpiryWithoutGracePeriod()
    {
        var invention = InForce(AssetKind.Invention);

        var onExpiry = Assert.Throws<ApiException>(() => invention.Expire(new DateOnly(2035, 3, 10)));
        invention.Expire(new DateOnly(2035, 3, 11));

        Assert.Equal("TERM_NOT_ENDED", onExpiry.Reason);
        Assert.False(onExpiry.Metadata.ContainsKey("grace_period_end"));
        Assert.Equal(State.Expired, invention.State);
    }

    [Fact]
    public void ADesignInItsLastTermExpiresTheDayAfterItsExpiry()
    {
        var design = InForce(AssetKind.IndustrialDesign, filingDate: 20180430);
        design.Renew(new DateOnly(2023, 3, 1));
        design.Renew(new DateOnly(2028, 3, 1));

        var onExpiry = Assert.Throws<ApiException>(() => design.Expire(new DateOnly(2033, 4, 30)));
        design.Expire(new DateOnly(2033, 5, 1));

        Assert.Equal("TERM_NOT_ENDED", onExpiry.Reason);
        Assert.Equal(State.Expired, design.State);
    }

    [Fact]
    public void AGeographicalIndicationNeverExpires()
    {
        var gi = InForce(AssetKind.GeographicalIndication);

        var refused = Assert.Throws<ApiException>(() => gi.Expire(new DateOnly(9999, 12, 31)));

        Assert.Equal(ApiErrorCode.FailedPrecondition, refused.Code);
        Assert.Equal("TERM_NOT_ENDED", refused.Reason);
        Assert.Contains("indefinitely", refused.Message);
        Assert.Equal(State.InForce, gi.State);
    }

    [Fact]
    public void ExpiringAnAssetWhoseTermIsUnknownIsTermUnknown()
    {
        var seeded = InForce(AssetKind.Mark, filingDate: 0);

        var refused = Assert.Throws<ApiException>(() => seeded.Expire(new DateOnly(2030, 1, 1)));

        Assert.Equal("TERM_UNKNOWN", refused.Reason);
        Assert.Equal(State.InForce, seeded.State);
    }

    /// <summary>An asset of Lai Châu granted on 2019-01-15, filed on <paramref name="filingDate"/> (0: unknown).</summary>
    private static IpAsset InForce(AssetKind kind, int filingDate = 20150310)
    {
        var asset = new IpAsset
        {
            Id = "term-rules",
            Kind = kind,
            MarkType = kind == AssetKind.Mark ? MarkType.Certification : MarkType.Unspecified,
            Title = "Gạo Séng Cù Lai Châu",
            ProvinceCode = "12",
            FilingDate = filingDate,
            State = State.SubstantiveExamination,
        };
        asset.Grant("4-0271234", new DateOnly(2019, 1, 15));
        return asset;
    }

    private static (State, int, int, int, int) Observable(IpAsset asset) =>
        (asset.State, asset.RenewalCount, asset.ExpiryDate, asset.RenewalWindowStart, asset.GracePeriodEnd);
}
