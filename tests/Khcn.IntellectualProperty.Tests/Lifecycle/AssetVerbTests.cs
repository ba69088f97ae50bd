using System.Text;
using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Lifecycle;

/// <summary>What the examination verbs set on an asset besides its state, and the dates they refuse.</summary>
public sealed class AssetVerbTests
{
    [Fact]
    public void PlainTransitionsChangeOnlyTheState()
    {
        var asset = Mark(State.Filed);

        var change = asset.StartFormalityExamination();

        Assert.Equal(["state"], change.ChangedFields);
        Assert.Equal(State.FormalityExamination, asset.State);
        Assert.Equal(0, asset.ExpiryDate);
    }

    [Fact]
    public void PublishingRecordsThePublicationDate()
    {
        var asset = Mark(State.AcceptedAsValid);

        var change = asset.Publish(new DateOnly(2015, 3, 10));

        Assert.Equal(20150310, asset.PublicationDate);
        Assert.Equal(["state", "publication_date"], change.ChangedFields);
    }

    [Fact]
    public void PublishingBeforeTheFilingDateIsInvalidOnPublicationDate()
    {
        var asset = Mark(State.AcceptedAsValid);

        var refused = Assert.Throws<ApiException>(() => asset.Publish(new DateOnly(2015, 3, 9)));

        Assert.Equal(ApiErrorCode.InvalidArgument, refused.Code);
        Assert.Equal(["publication_date"], refused.Violations.Select(v => v.Field));
        Assert.Contains("2015-03-10", refused.Violations[0].Description);
        Assert.Equal(State.AcceptedAsValid, asset.State);
        Assert.Equal(0, asset.PublicationDate);
    }

    [Fact]
    public void GrantingAMarkStoresTheCertificateAndStartsItsRenewableTerm()
    {
        var asset = Mark(State.SubstantiveExamination);
        // "Số" typed as o + combining circumflex + combining acute, and padded: stored precomposed and trimmed.
        var typed = "  4-0271234/So\u0302\u0301 ";

        var change = asset.Grant(typed, new DateOnly(2016, 9, 15));

        Assert.Equal("4-0271234/Số", asset.GrantNumber);
        Assert.True(asset.GrantNumber.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(20160915, asset.GrantDate);
        Assert.Equal(State.InForce, asset.State);
        Assert.Equal((20250310, 20240910, 20250910), (asset.ExpiryDate, asset.RenewalWindowStart, asset.GracePeriodEnd));
        Assert.Equal(
            ["state", "grant_number", "grant_date", "expiry_date", "renewal_window_start", "grace_period_end"],
            change.ChangedFields);
    }

    [Fact]
    public void GrantingAnInventionSetsAnExpiryButNoWindow()
    {
        var asset = Mark(State.SubstantiveExamination, AssetKind.Invention);

        var change = asset.Grant("1-0034567", new DateOnly(2017, 1, 10));

        Assert.Equal((20350310, 0, 0), (asset.ExpiryDate, asset.RenewalWindowStart, asset.GracePeriodEnd));
        Assert.Equal(["state", "grant_number", "grant_date", "expiry_date"], change.ChangedFields);
    }

    [Fact]
    public void GrantingAGeographicalIndicationSetsNoTerm()
    {
        var asset = Mark(State.SubstantiveExamination, AssetKind.GeographicalIndication);

        var change = asset.Grant("00123", new DateOnly(2017, 1, 10));

        Assert.Equal((0, 0, 0), (asset.ExpiryDate, asset.RenewalWindowStart, asset.GracePeriodEnd));
        Assert.Equal(["state", "grant_number", "grant_date"], change.ChangedFields);
    }

    [Theory]
    [InlineData(2015, 3, 9, "2015-03-10")] // before the filing
    [InlineData(2016, 1, 19, "2016-01-20")] // after the filing, before the publication
    public void GrantingBeforeTheFilingOrThePublicationIsInvalidOnGrantDate(int year, int month, int day, string namedDate)
    {
        var asset = Mark(State.SubstantiveExamination);
        asset.PublicationDate = 20160120;

        var refused = Assert.Throws<ApiException>(() => asset.Grant("4-0271234", new DateOnly(year, month, day)));

        Assert.Equal(ApiErrorCode.InvalidArgument, refused.Code);
        Assert.Equal(["grant_date"], refused.Violations.Select(v => v.Field));
        Assert.Contains(namedDate, refused.Violations[0].Description);
        Assert.Equal(State.SubstantiveExamination, asset.State);
        Assert.Equal(("", 0, 0), (asset.GrantNumber, asset.GrantDate, asset.ExpiryDate));
    }

    [Fact]
    public void GrantingOnTheDayOfPublicationIsAllowed()
    {
        var asset = Mark(State.SubstantiveExamination);
        asset.PublicationDate = 20160120;

        asset.Grant("4-0271234", new DateOnly(2016, 1, 20));

        Assert.Equal(20160120, asset.GrantDate);
    }

    [Theory]
    [InlineData(State.Expired)]
    [InlineData(State.Terminated)]
    [InlineData(State.Invalidated)]
    public void EndingProtectionKeepsTheTermItHad(State end)
    {
        var asset = Mark(State.SubstantiveExamination);
        asset.Grant("4-0271234", new DateOnly(2016, 9, 15));

        var change = end switch
        {
            State.Expired => asset.Expire(new DateOnly(2025, 9, 11)),
            State.Terminated => asset.Terminate(),
            State.Invalidated => asset.Invalidate(),
            _ => throw new ArgumentOutOfRangeException(nameof(end)),
        };

        Assert.Equal(end, asset.State);
        Assert.Equal((20250310, 20240910, 20250910), (asset.ExpiryDate, asset.RenewalWindowStart, asset.GracePeriodEnd));
        Assert.Equal(["state"], change.ChangedFields);
    }

    [Theory]
    [InlineData(State.Filed)]
    [InlineData(State.FormalityExamination)]
    [InlineData(State.AcceptedAsValid)]
    [InlineData(State.Published)]
    [InlineData(State.SubstantiveExamination)]
    public void AWithdrawalEndsAnyPendingApplicationWithoutATerm(State pending)
    {
        var asset = Mark(pending);

        var change = asset.Withdraw();

        Assert.Equal(State.Withdrawn, asset.State);
        Assert.Equal(pending, change.PreviousState);
        Assert.Equal(["state"], change.ChangedFields);
        Assert.Equal(0, asset.ExpiryDate);
    }

    /// <summary>A Lai Châu asset filed on 2015-03-10 (a certification mark unless <paramref name="kind"/> says otherwise).</summary>
    internal static IpAsset Mark(State state, AssetKind kind = AssetKind.Mark) => new()
    {
        Id = "verb-rules",
        Kind = kind,
        MarkType = kind == AssetKind.Mark ? MarkType.Certification : MarkType.Unspecified,
        Title = "Gạo Séng Cù Lai Châu",
        HolderName = "Sở Khoa học và Công nghệ tỉnh Lai Châu",
        ProvinceCode = "12",
        FilingDate = 20150310,
        State = state,
    };
}
