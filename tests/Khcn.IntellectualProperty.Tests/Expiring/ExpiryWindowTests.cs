using Khcn.Aip;
using Khcn.IntellectualProperty.Application.Expiring;
using Date = Google.Type.Date;
using Stage = Khcn.IntellectualProperty.V1.ExpiringAsset.Types.Stage;

namespace Khcn.IntellectualProperty.Tests.Expiring;

/// <summary>The in-memory half of ListExpiringAssets: reading the request's window and placing an asset in it.</summary>
public sealed class ExpiryWindowTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Fact]
    public void As_of_defaults_to_the_given_today_and_expire_before_may_equal_it()
    {
        var window = ExpiryWindow.Read(new ListExpiringAssetsRequest { ExpireBefore = Day(Today) }, Today);

        Assert.Equal(new ExpiryWindow(Today, Today, false), window);
        Assert.Equal((20260315, 20260315), (window.AsOfSortable, window.ExpireBeforeSortable));
    }

    [Fact]
    public void Every_problem_with_the_dates_is_collected()
    {
        var request = new ListExpiringAssetsRequest
        {
            AsOf = new Date { Year = 2026, Month = 13, Day = 1 },
            ExpireBefore = new Date { Year = 2026, Month = 6 },
        };

        var error = Assert.Throws<ApiException>(() => ExpiryWindow.Read(request, Today));

        Assert.Equal(ApiErrorCode.InvalidArgument, error.Code);
        Assert.Equal(["as_of.month", "expire_before"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void An_end_before_as_of_is_rejected_on_expire_before()
    {
        var request = new ListExpiringAssetsRequest { AsOf = Day(Today), ExpireBefore = Day(Today.AddDays(-1)) };

        var error = Assert.Throws<ApiException>(() => ExpiryWindow.Read(request, Today.AddDays(-30)));

        Assert.Equal(["expire_before"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void The_token_binding_changes_with_each_parameter_of_the_window()
    {
        var window = new ExpiryWindow(Today, Today.AddDays(90), false);

        ExpiryWindow[] others =
        [
            window with { AsOf = Today.AddDays(1) },
            window with { ExpireBefore = Today.AddDays(91) },
            window with { IncludeGracePeriod = true },
        ];

        Assert.All(others, other => Assert.NotEqual(window.TokenBinding, other.TokenBinding));
        Assert.Equal(window.TokenBinding, (window with { }).TokenBinding);
    }

    [Theory]
    // Expiry 2026-09-10: window opens 2026-03-10, grace ends 2027-03-10.
    [InlineData("2026-03-09", Stage.Upcoming)]
    [InlineData("2026-03-10", Stage.RenewalWindowOpen)]
    [InlineData("2026-09-10", Stage.RenewalWindowOpen)]
    [InlineData("2026-09-11", Stage.InGracePeriod)]
    public void A_renewable_assets_stage_follows_its_window_and_expiry(string asOf, Stage expected)
    {
        var stage = ExpiringAssetMapping.StageOf(new DateOnly(2026, 9, 10), new DateOnly(2026, 3, 10), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, stage);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-09-11")]
    public void An_asset_without_a_renewal_window_is_not_renewable_whatever_the_date(string asOf)
    {
        var stage = ExpiringAssetMapping.StageOf(new DateOnly(2026, 9, 10), null, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Stage.NotRenewable, stage);
    }

    private static Date Day(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
