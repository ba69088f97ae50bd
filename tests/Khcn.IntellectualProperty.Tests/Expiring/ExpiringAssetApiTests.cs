using Grpc.Core;
using Date = Google.Type.Date;
using Stage = Khcn.IntellectualProperty.V1.ExpiringAsset.Types.Stage;

namespace Khcn.IntellectualProperty.Tests.Expiring;

/// <summary>
/// ListExpiringAssets against the real service. Each test grants its own assets (titled with its marker, and filtered
/// on it) with filing dates chosen around a fixed as_of, so every expiry follows from the term rules: a mark or design
/// expires on the anniversary of its filing, its renewal window opens 6 months before and its grace period ends 6
/// months after.
/// </summary>
public abstract class ExpiringAssetApiTests(IpServiceFixture service)
{
    private static readonly DateOnly AsOf = new(2025, 1, 1);

    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task Assets_expiring_from_as_of_up_to_expire_before_are_listed_soonest_first()
    {
        var marker = TestAssets.Marker();
        await GrantedAsync(Mark(marker, "before as_of", new(2014, 12, 31)));
        var onAsOf = await GrantedAsync(Mark(marker, "on as_of", new(2015, 1, 1)));
        var onEnd = await GrantedAsync(Mark(marker, "on expire_before", new(2015, 6, 1)));
        var inside = await GrantedAsync(Mark(marker, "inside", new(2015, 3, 10)));
        await GrantedAsync(Mark(marker, "after expire_before", new(2015, 6, 2)));

        var response = await ListAsync(marker, new DateOnly(2025, 6, 1));

        Assert.Equal([onAsOf.Name, inside.Name, onEnd.Name], response.ExpiringAssets.Select(e => e.Asset.Name));
        Assert.Equal(3, response.TotalSize);
        Assert.Equal(inside, response.ExpiringAssets[1].Asset);
    }

    [Fact]
    public async Task Each_asset_gets_the_stage_and_days_until_expiry_of_its_term_on_as_of()
    {
        var marker = TestAssets.Marker();
        var upcoming = Mark(marker, "window not open", new(2015, 12, 1));
        var windowOpen = Mark(marker, "window open", new(2015, 3, 10));
        var windowOpensToday = Mark(marker, "window opens on as_of", new(2015, 7, 1));
        var inGrace = Mark(marker, "in grace", new(2014, 11, 1));
        var invention = Other(marker, AssetKind.Invention, new(2005, 2, 1));
        var utilitySolution = Other(marker, AssetKind.UtilitySolution, new(2015, 4, 1));
        var design = Other(marker, AssetKind.IndustrialDesign, new(2010, 5, 1));
        foreach (var asset in new[] { upcoming, windowOpen, windowOpensToday, inGrace, invention, utilitySolution })
        {
            await GrantedAsync(asset);
        }

        // Renewed twice (2015, 2020): its third term is its last, so it cannot be renewed again.
        var grantedDesign = await GrantedAsync(design);
        await RenewAsync(grantedDesign.Name, new(2015, 3, 1));
        await RenewAsync(grantedDesign.Name, new(2020, 3, 1));

        var response = await ListAsync(marker, new DateOnly(2025, 12, 31), includeGracePeriod: true);

        var expected = new (Asset Asset, DateOnly Expiry, Stage Stage)[]
        {
            (inGrace, new(2024, 11, 1), Stage.InGracePeriod),
            (invention, new(2025, 2, 1), Stage.NotRenewable),
            (windowOpen, new(2025, 3, 10), Stage.RenewalWindowOpen),
            (utilitySolution, new(2025, 4, 1), Stage.NotRenewable),
            (design, new(2025, 5, 1), Stage.NotRenewable),
            (windowOpensToday, new(2025, 7, 1), Stage.RenewalWindowOpen),
            (upcoming, new(2025, 12, 1), Stage.Upcoming),
        };
        Assert.Equal(
            expected.Select(e => (e.Asset.Title, Day(e.Expiry), e.Stage, e.Expiry.DayNumber - AsOf.DayNumber)),
            response.ExpiringAssets.Select(e => (e.Asset.Title, e.Asset.ExpiryDate, e.Stage, e.DaysUntilExpiry)));
        Assert.True(response.ExpiringAssets[0].DaysUntilExpiry < 0, "an asset in its grace period has expired already");
    }

    [Fact]
    public async Task The_grace_period_adds_expired_renewable_assets_whose_grace_has_not_ended()
    {
        var marker = TestAssets.Marker();
        var graceEndsOnAsOf = await GrantedAsync(Mark(marker, "grace ends on as_of", new(2014, 7, 1)));
        var inGrace = await GrantedAsync(Mark(marker, "in grace", new(2014, 11, 1)));
        await GrantedAsync(Mark(marker, "grace over", new(2014, 6, 30)));
        await GrantedAsync(Other(marker, AssetKind.Invention, new(2004, 12, 1)));
        var ahead = await GrantedAsync(Mark(marker, "ahead", new(2015, 2, 1)));

        var without = await ListAsync(marker, new DateOnly(2025, 3, 31));
        var with = await ListAsync(marker, new DateOnly(2025, 3, 31), includeGracePeriod: true);

        Assert.Equal([ahead.Name], without.ExpiringAssets.Select(e => e.Asset.Name));
        // The expired invention has no grace period (it never renews), so it stays out either way.
        Assert.Equal([graceEndsOnAsOf.Name, inGrace.Name, ahead.Name], with.ExpiringAssets.Select(e => e.Asset.Name));
        Assert.Equal(
            [Stage.InGracePeriod, Stage.InGracePeriod, Stage.RenewalWindowOpen],
            with.ExpiringAssets.Select(e => e.Stage));
    }

    [Fact]
    public async Task Only_assets_in_force_with_an_expiry_are_listed()
    {
        var marker = TestAssets.Marker();
        var geographicalIndication = new Asset
        {
            Kind = AssetKind.GeographicalIndication,
            Title = $"Chỉ dẫn địa lý {marker}",
            Holder = new Holder { DisplayName = "Ủy ban nhân dân tỉnh Lai Châu", Kind = Holder.Types.Kind.StateAgency },
            ProvinceCode = "12",
            FilingDate = Day(new(2015, 3, 10)),
        };
        var grantedIndication = await GrantedAsync(geographicalIndication);
        await TestAssets.CreateAsync(Client, Mark(marker, "pending", new(2015, 3, 10)));
        var terminated = await GrantedAsync(Mark(marker, "terminated", new(2015, 4, 10)));
        await Client.TerminateAssetAsync(new TerminateAssetRequest
        {
            Name = terminated.Name, Actor = TestAssets.Examiner, Reason = "Chủ văn bằng không nộp phí duy trì",
        });
        var invalidated = await GrantedAsync(Mark(marker, "invalidated", new(2015, 4, 20)));
        await Client.InvalidateAssetAsync(new InvalidateAssetRequest
        {
            Name = invalidated.Name, Actor = TestAssets.Examiner, Reason = "Người nộp đơn không có quyền đăng ký",
        });
        var inForce = await GrantedAsync(Mark(marker, "in force", new(2015, 5, 10)));

        var response = await ListAsync(marker, new DateOnly(2025, 12, 31), includeGracePeriod: true);

        Assert.Equal(Asset.Types.State.InForce, grantedIndication.State);
        Assert.Equal([inForce.Name], response.ExpiringAssets.Select(e => e.Asset.Name));
    }

    [Fact]
    public async Task The_filter_narrows_the_expiring_assets()
    {
        var marker = TestAssets.Marker();
        await GrantedAsync(Mark(marker, "mark", new(2015, 3, 10)));
        var invention = await GrantedAsync(Other(marker, AssetKind.Invention, new(2005, 3, 10)));

        var response = await Client.ListExpiringAssetsAsync(new ListExpiringAssetsRequest
        {
            Filter = $"title:\"{marker}\" AND kind = INVENTION",
            AsOf = Day(AsOf),
            ExpireBefore = Day(new(2025, 12, 31)),
        });

        Assert.Equal([invention.Name], response.ExpiringAssets.Select(e => e.Asset.Name));
    }

    [Fact]
    public async Task Without_as_of_the_reference_date_is_today_in_Viet_Nam()
    {
        var marker = TestAssets.Marker();
        var today = TodayInVietnam();
        // Filed ten years and a month before: its first term ends about a month from today, inside the renewal window.
        var granted = await GrantedAsync(Mark(marker, "expiring soon", today.AddMonths(1).AddYears(-10)), today.AddYears(-9));
        var request = new ListExpiringAssetsRequest { Filter = $"title:\"{marker}\"", ExpireBefore = Day(today.AddMonths(2)) };

        ListExpiringAssetsResponse byDefault, explicitToday;
        DateOnly askedOn;
        do
        {
            // Calls that straddle midnight in Viet Nam would compare two different days: ask again.
            askedOn = TodayInVietnam();
            byDefault = await Client.ListExpiringAssetsAsync(request);
            explicitToday = await Client.ListExpiringAssetsAsync(new ListExpiringAssetsRequest(request) { AsOf = Day(askedOn) });
        }
        while (TodayInVietnam() != askedOn);

        var listed = Assert.Single(byDefault.ExpiringAssets);
        Assert.Equal(granted.Name, listed.Asset.Name);
        Assert.Equal(Stage.RenewalWindowOpen, listed.Stage);
        Assert.Equal(ToDateOnly(granted.ExpiryDate).DayNumber - askedOn.DayNumber, listed.DaysUntilExpiry);
        Assert.Equal(explicitToday.ExpiringAssets, byDefault.ExpiringAssets);
    }

    [Fact]
    public async Task Pages_cover_the_window_once_in_expiry_order()
    {
        var marker = TestAssets.Marker();
        // Two share an expiry date: the id breaks the tie, so neither is skipped or repeated across pages.
        DateOnly[] filings = [new(2015, 2, 1), new(2015, 1, 15), new(2015, 2, 1), new(2015, 4, 1), new(2015, 3, 1)];
        foreach (var (filed, index) in filings.Select((f, i) => (f, i)))
        {
            await GrantedAsync(Mark(marker, $"số {index}", filed));
        }

        var all = await ListAsync(marker, new DateOnly(2025, 12, 31));
        var pages = await PageWalk.AllPagesAsync(
            async token =>
            {
                var request = NewRequest(marker, new DateOnly(2025, 12, 31));
                request.PageSize = 2;
                request.PageToken = token;
                return await Client.ListExpiringAssetsAsync(request);
            },
            page => page.NextPageToken);
        var paged = pages.SelectMany(page => page.ExpiringAssets).ToList();

        Assert.All(pages, page => Assert.Equal(filings.Length, page.TotalSize));
        Assert.Equal(3, pages.Count);
        Assert.Equal(all.ExpiringAssets, paged);
        Assert.Equal(
            filings.Order().Select(f => Day(f.AddYears(10))),
            paged.Select(e => e.Asset.ExpiryDate));
    }

    [Fact]
    public async Task A_page_token_is_bound_to_as_of_expire_before_and_the_grace_choice()
    {
        var marker = TestAssets.Marker();
        await GrantedAsync(Mark(marker, "một", new(2015, 2, 1)));
        await GrantedAsync(Mark(marker, "hai", new(2015, 3, 1)));
        var first = NewRequest(marker, new DateOnly(2025, 12, 31));
        first.PageSize = 1;
        var token = (await Client.ListExpiringAssetsAsync(first)).NextPageToken;

        var sameRequest = await Client.ListExpiringAssetsAsync(new ListExpiringAssetsRequest(first) { PageToken = token });
        ListExpiringAssetsRequest[] changed =
        [
            new(first) { PageToken = token, AsOf = Day(AsOf.AddDays(1)) },
            new(first) { PageToken = token, ExpireBefore = Day(new(2025, 12, 30)) },
            new(first) { PageToken = token, IncludeGracePeriod = true },
        ];

        Assert.NotEmpty(token);
        Assert.Single(sameRequest.ExpiringAssets);
        foreach (var request in changed)
        {
            var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ListExpiringAssetsAsync(request));
            Assert.Equal(["page_token"], RpcErrorAssert.ViolatedFields(status));
        }
    }

    [Fact]
    public async Task Every_invalid_date_is_reported_at_once()
    {
        var missing = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListExpiringAssetsAsync(new ListExpiringAssetsRequest()));
        var partialAsOfAndNoEnd = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument,
            () => Client.ListExpiringAssetsAsync(new ListExpiringAssetsRequest { AsOf = new Date { Year = 2025 } }));
        var endBeforeAsOf = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument,
            () => Client.ListExpiringAssetsAsync(new ListExpiringAssetsRequest { AsOf = Day(AsOf), ExpireBefore = Day(AsOf.AddDays(-1)) }));
        var impossibleEnd = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument,
            () => Client.ListExpiringAssetsAsync(new ListExpiringAssetsRequest { ExpireBefore = new Date { Year = 2025, Month = 2, Day = 30 } }));

        Assert.Equal(["expire_before"], RpcErrorAssert.ViolatedFields(missing));
        Assert.Equal(["as_of", "expire_before"], RpcErrorAssert.ViolatedFields(partialAsOfAndNoEnd));
        Assert.Equal(["expire_before"], RpcErrorAssert.ViolatedFields(endBeforeAsOf));
        Assert.Equal(["expire_before.day"], RpcErrorAssert.ViolatedFields(impossibleEnd));
    }

    [Fact]
    public async Task An_unknown_filter_or_order_field_is_invalid()
    {
        var filter = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ListExpiringAssetsAsync(
            new ListExpiringAssetsRequest { AsOf = Day(AsOf), ExpireBefore = Day(AsOf), Filter = "stage = UPCOMING" }));
        var order = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ListExpiringAssetsAsync(
            new ListExpiringAssetsRequest { AsOf = Day(AsOf), ExpireBefore = Day(AsOf), OrderBy = "days_until_expiry" }));

        Assert.Equal(["filter"], RpcErrorAssert.ViolatedFields(filter));
        Assert.Equal(["order_by"], RpcErrorAssert.ViolatedFields(order));
    }

    private Task<Asset> GrantedAsync(Asset asset, DateOnly? grantDate = null) =>
        // Granted a year after filing, as examinations take: the grant date moves nothing, the term runs from filing.
        TestAssets.GrantedAsync(Client, asset, Day(grantDate ?? ToDateOnly(asset.FilingDate).AddYears(1)));

    private async Task RenewAsync(string name, DateOnly requestDate)
    {
        var current = await Client.GetAssetAsync(new GetAssetRequest { Name = name });
        await Client.RenewAssetAsync(new RenewAssetRequest
        {
            Name = name, Etag = current.Etag, Actor = TestAssets.Examiner, RequestDate = Day(requestDate),
        });
    }

    private async Task<ListExpiringAssetsResponse> ListAsync(string marker, DateOnly expireBefore, bool includeGracePeriod = false) =>
        await Client.ListExpiringAssetsAsync(NewRequest(marker, expireBefore, includeGracePeriod));

    private static ListExpiringAssetsRequest NewRequest(string marker, DateOnly expireBefore, bool includeGracePeriod = false) => new()
    {
        Filter = $"title:\"{marker}\"",
        AsOf = Day(AsOf),
        ExpireBefore = Day(expireBefore),
        IncludeGracePeriod = includeGracePeriod,
    };

    private static Asset Mark(string marker, string label, DateOnly filed)
    {
        var asset = TestAssets.CertificationMark($"Nhãn hiệu {marker} {label}");
        asset.FilingDate = Day(filed);
        return asset;
    }

    private static Asset Other(string marker, AssetKind kind, DateOnly filed)
    {
        var asset = TestAssets.Invention($"{kind} {marker}");
        asset.Kind = kind;
        asset.FilingDate = Day(filed);
        return asset;
    }

    private static DateOnly TodayInVietnam() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static Date Day(DateOnly date) => TestAssets.Day(date.Year, date.Month, date.Day);

    private static DateOnly ToDateOnly(Date date) => new(date.Year, date.Month, date.Day);
}

public sealed class ExpiringAssetApiTestsOnSqlite(SqliteIpService service)
    : ExpiringAssetApiTests(service), IClassFixture<SqliteIpService>;

public sealed class ExpiringAssetApiTestsOnPostgreSql(PostgreSqlIpService service)
    : ExpiringAssetApiTests(service), IClassFixture<PostgreSqlIpService>;
