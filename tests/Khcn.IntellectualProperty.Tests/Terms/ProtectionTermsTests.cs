using Khcn.IntellectualProperty.Domain.Terms;
using Khcn.IntellectualProperty.Tests.Lifecycle;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Terms;

/// <summary>
/// The protection terms of IP Law Art. 93 with the Civil Code's year and month rule (Art. 147–148). Every expected date
/// below is worked out by hand from the law, not by the arithmetic under test.
/// </summary>
public sealed class ProtectionTermsTests
{
    [Fact]
    public void AnInventionIsProtectedTwentyYearsFromFilingWithoutRenewal()
    {
        var term = Granted(AssetKind.Invention, 2019, 6, 12);

        Assert.Equal(new ProtectionTerm(Day(2039, 6, 12), null, null), term);
        Assert.False(term.Renewable);
        Assert.Equal(0, ProtectionTerms.MaxRenewalsOf(AssetKind.Invention));
    }

    [Fact]
    public void AUtilitySolutionIsProtectedTenYearsFromFilingWithoutRenewal()
    {
        var term = Granted(AssetKind.UtilitySolution, 2019, 6, 12);

        Assert.Equal(new ProtectionTerm(Day(2029, 6, 12), null, null), term);
        Assert.Equal(0, ProtectionTerms.MaxRenewalsOf(AssetKind.UtilitySolution));
    }

    [Fact]
    public void AMarkIsProtectedTenYearsFromFilingWithAWindowSixMonthsBeforeAndAGracePeriodSixMonthsAfter()
    {
        var term = Granted(AssetKind.Mark, 2015, 3, 10);

        Assert.Equal(new ProtectionTerm(Day(2025, 3, 10), Day(2024, 9, 10), Day(2025, 9, 10)), term);
        Assert.True(term.Renewable);
    }

    [Theory]
    [InlineData(1, 2035)]
    [InlineData(2, 2045)]
    [InlineData(7, 2095)]
    public void EachRenewalOfAMarkAddsTenYearsWithoutLimit(int renewals, int expiryYear)
    {
        var term = Granted(AssetKind.Mark, 2015, 3, 10, renewals);

        Assert.Equal(new ProtectionTerm(Day(expiryYear, 3, 10), Day(expiryYear - 1, 9, 10), Day(expiryYear, 9, 10)), term);
        Assert.Equal(int.MaxValue, ProtectionTerms.MaxRenewalsOf(AssetKind.Mark));
    }

    [Fact]
    public void AnIndustrialDesignIsProtectedFiveYearsAndRenewsTwiceByFive()
    {
        var first = Granted(AssetKind.IndustrialDesign, 2018, 4, 30);
        var second = Granted(AssetKind.IndustrialDesign, 2018, 4, 30, renewalCount: 1);
        var third = Granted(AssetKind.IndustrialDesign, 2018, 4, 30, renewalCount: 2);

        Assert.Equal(new ProtectionTerm(Day(2023, 4, 30), Day(2022, 10, 30), Day(2023, 10, 30)), first);
        Assert.Equal(new ProtectionTerm(Day(2028, 4, 30), Day(2027, 10, 30), Day(2028, 10, 30)), second);
        // After the second renewal the design is in its last term: no window, no grace period, no third renewal.
        Assert.Equal(new ProtectionTerm(Day(2033, 4, 30), null, null), third);
        Assert.False(third.Renewable);
        Assert.Equal(2, ProtectionTerms.MaxRenewalsOf(AssetKind.IndustrialDesign));
    }

    [Fact]
    public void AGeographicalIndicationHasNoExpiryEvenWhenGranted()
    {
        Assert.Equal(ProtectionTerm.None, Granted(AssetKind.GeographicalIndication, 2012, 5, 3));
        Assert.Equal(0, ProtectionTerms.MaxRenewalsOf(AssetKind.GeographicalIndication));
    }

    [Theory]
    [InlineData(AssetKind.Mark)]
    [InlineData(AssetKind.Invention)]
    [InlineData(AssetKind.UtilitySolution)]
    [InlineData(AssetKind.IndustrialDesign)]
    [InlineData(AssetKind.GeographicalIndication)]
    public void AnAssetNotGrantedHasNoTerm(AssetKind kind)
    {
        Assert.Equal(ProtectionTerm.None, ProtectionTerms.Of(kind, Day(2015, 3, 10), granted: false, renewalCount: 0));
    }

    [Theory]
    [InlineData(AssetKind.Mark)]
    [InlineData(AssetKind.Invention)]
    [InlineData(AssetKind.UtilitySolution)]
    [InlineData(AssetKind.IndustrialDesign)]
    public void AnAssetWhoseFilingDateIsUnknownHasNoTerm(AssetKind kind)
    {
        Assert.Equal(ProtectionTerm.None, ProtectionTerms.Of(kind, filingDate: null, granted: true, renewalCount: 0));
    }

    [Fact]
    public void AnAssetOfUnknownKindHasNoTerm()
    {
        Assert.Equal(ProtectionTerm.None, ProtectionTerms.Of(AssetKind.Unspecified, Day(2015, 3, 10), granted: true, renewalCount: 0));
        Assert.Equal(0, ProtectionTerms.MaxRenewalsOf(AssetKind.Unspecified));
    }

    [Fact]
    public void AMarkFiledOnALeapDayExpiresOnTheTwentyEighthAndRenewsFromThere()
    {
        var first = Granted(AssetKind.Mark, 2016, 2, 29);
        var renewed = Granted(AssetKind.Mark, 2016, 2, 29, renewalCount: 1);

        Assert.Equal(new ProtectionTerm(Day(2026, 2, 28), Day(2025, 8, 28), Day(2026, 8, 28)), first);
        // 2036 is a leap year, but the new term runs from the previous expiry (28 Feb), not from the filing day.
        Assert.Equal(new ProtectionTerm(Day(2036, 2, 28), Day(2035, 8, 28), Day(2036, 8, 28)), renewed);
    }

    [Fact]
    public void ADesignFiledOnALeapDayKeepsTheTwentyEighthThroughItsRenewals()
    {
        Assert.Equal(Day(2025, 2, 28), Granted(AssetKind.IndustrialDesign, 2020, 2, 29).ExpiryDate);
        Assert.Equal(Day(2030, 2, 28), Granted(AssetKind.IndustrialDesign, 2020, 2, 29, renewalCount: 1).ExpiryDate);
        Assert.Equal(Day(2035, 2, 28), Granted(AssetKind.IndustrialDesign, 2020, 2, 29, renewalCount: 2).ExpiryDate);
    }

    [Fact]
    public void AnInventionFiledOnALeapDayExpiresOnTheLeapDayWhenTheLastYearHasOne()
    {
        // 2020-02-29 + 20 years = 2040-02-29, which exists.
        Assert.Equal(Day(2040, 2, 29), Granted(AssetKind.Invention, 2020, 2, 29).ExpiryDate);
    }

    [Fact]
    public void AWindowOpeningInAShorterMonthStartsOnItsLastDay()
    {
        // Expiry 2025-08-31: six months earlier is February, which has no 31st.
        var term = Granted(AssetKind.Mark, 2015, 8, 31);

        Assert.Equal(new ProtectionTerm(Day(2025, 8, 31), Day(2025, 2, 28), Day(2026, 2, 28)), term);
    }

    [Fact]
    public void AWindowOpeningInALeapFebruaryStartsOnTheTwentyNinth()
    {
        var term = Granted(AssetKind.Mark, 2014, 8, 31);

        Assert.Equal(new ProtectionTerm(Day(2024, 8, 31), Day(2024, 2, 29), Day(2025, 2, 28)), term);
    }

    [Fact]
    public void AGracePeriodEndingInAThirtyDayMonthEndsOnItsLastDay()
    {
        var term = Granted(AssetKind.Mark, 2014, 3, 31);

        Assert.Equal(new ProtectionTerm(Day(2024, 3, 31), Day(2023, 9, 30), Day(2024, 9, 30)), term);
    }

    [Theory]
    [InlineData(State.Unspecified, false)]
    [InlineData(State.Filed, false)]
    [InlineData(State.FormalityExamination, false)]
    [InlineData(State.AcceptedAsValid, false)]
    [InlineData(State.Published, false)]
    [InlineData(State.SubstantiveExamination, false)]
    [InlineData(State.Refused, false)]
    [InlineData(State.Withdrawn, false)]
    [InlineData(State.InForce, true)]
    [InlineData(State.Expired, true)]
    [InlineData(State.Terminated, true)]
    [InlineData(State.Invalidated, true)]
    public void OnlyAGrantedAssetHasStartedItsTerm(State state, bool granted)
    {
        Assert.Equal(granted, ProtectionTerms.IsGranted(state));
    }

    [Fact]
    public void TheGrantedStatesAreExactlyThoseReachedThroughAGrant()
    {
        var reachedThroughGrant = AssetLifecycleStatement.ReachableStates
            .Where(state => AssetLifecycleStatement.PathTo(state).Contains("GrantAsset"))
            .Order();

        Assert.Equal(reachedThroughGrant, Enum.GetValues<State>().Where(ProtectionTerms.IsGranted).Order());
    }

    [Fact]
    public void ANegativeRenewalCountIsAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProtectionTerms.Of(AssetKind.Mark, Day(2015, 3, 10), true, -1));
    }

    private static ProtectionTerm Granted(AssetKind kind, int year, int month, int day, int renewalCount = 0) =>
        ProtectionTerms.Of(kind, Day(year, month, day), granted: true, renewalCount);

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);
}
