using Grpc.Core;
using static Khcn.IntellectualProperty.Tests.Assets.AssetTestSupport;
using static Khcn.IntellectualProperty.Tests.Infrastructure.TestAssets;
using HolderKind = Khcn.IntellectualProperty.V1.Holder.Types.Kind;

namespace Khcn.IntellectualProperty.Tests.Assets;

/// <summary>
/// ListAssets against the real service: every filter field, ordering and keyset paging. The database is shared by the
/// class, so each test marks its assets with its own word and puts that word in every filter.
/// </summary>
public abstract class AssetListTests(IpServiceFixture service)
{
    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task A_province_code_filter_matches_every_code_of_the_merger_lineage()
    {
        var marker = Marker();

        await ProvinceLineageFilter.AssertACodeMatchesEveryCodeOfItsLineageAsync(
            marker,
            async (code, day) => (await CreateAsync(Client, InProvince(marker, code, day))).Name,
            filter => NamesAsync(Client, filter));
    }

    [Fact]
    public async Task Kind_mark_type_and_state_filter_by_their_proto_names()
    {
        var marker = Marker();
        var certification = await CreateAsync(Client, Marked(marker));
        var collectiveInput = Marked(marker, "Chè Tam Đường");
        collectiveInput.MarkType = MarkType.Collective;
        var collective = await CreateAsync(Client, collectiveInput);
        var invention = await CreateAsync(Client, MarkedInvention(marker));
        await Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest { Name = invention.Name, Actor = Examiner });

        Assert.Equal(Sorted(certification, collective), (await NamesAsync(Client, $"{marker} AND kind = MARK")).Order(StringComparer.Ordinal));
        Assert.Equal([collective.Name], await NamesAsync(Client, $"{marker} AND mark_type = COLLECTIVE"));
        Assert.Equal([invention.Name], await NamesAsync(Client, $"{marker} AND state = FORMALITY_EXAMINATION"));
        Assert.Equal([invention.Name], await NamesAsync(Client, $"{marker} AND kind = INVENTION AND NOT state = FILED"));
    }

    [Fact]
    public async Task A_nice_class_filter_finds_the_assets_that_name_the_class()
    {
        var marker = Marker();
        var rice = await CreateAsync(Client, Marked(marker));
        var teaInput = Marked(marker, "Chè Tam Đường");
        teaInput.NiceClasses.Clear();
        teaInput.NiceClasses.Add(3);
        teaInput.NiceClasses.Add(30);
        teaInput.NiceClasses.Add(35);
        var tea = await CreateAsync(Client, teaInput);
        var cosmeticInput = Marked(marker, "Tinh dầu quế");
        cosmeticInput.NiceClasses.Clear();
        cosmeticInput.NiceClasses.Add(3);
        var cosmetic = await CreateAsync(Client, cosmeticInput);

        Assert.Equal(Sorted(rice, tea), (await NamesAsync(Client, $"{marker} AND nice_classes:30")).Order(StringComparer.Ordinal));
        Assert.Equal(Sorted(tea, cosmetic), (await NamesAsync(Client, $"{marker} AND nice_classes = 3")).Order(StringComparer.Ordinal));
        Assert.Empty(await NamesAsync(Client, $"{marker} AND nice_classes:5"));
    }

    [Theory]
    [InlineData("nice_classes:0")]
    [InlineData("nice_classes:46")]
    [InlineData("nice_classes > 3")]
    [InlineData("no_such_field = 1")]
    [InlineData("kind = PATENT")]
    [InlineData("filing_date > \"2015-02-30\"")]
    [InlineData("province_code != \"44\"")]
    public async Task An_invalid_filter_is_refused(string filter)
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.ListAssetsAsync(new ListAssetsRequest { Filter = filter }));

        Assert.Equal("INVALID_FILTER", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task The_holder_name_filter_ignores_case_and_diacritics()
    {
        var marker = Marker();
        var department = await CreateAsync(Client, Marked(marker));
        var cooperativeInput = Marked(marker, "Miến dong Bình Liêu");
        cooperativeInput.Holder = new Holder { DisplayName = "Hợp tác xã Nông nghiệp Bình Liêu", Kind = HolderKind.Cooperative };
        var cooperative = await CreateAsync(Client, cooperativeInput);

        Assert.Equal([department.Name], await NamesAsync(Client, $"{marker} AND holder.display_name:\"so khoa hoc\""));
        Assert.Equal([department.Name], await NamesAsync(Client, $"{marker} AND holder.display_name:\"SỞ KHOA HỌC\""));
        Assert.Equal([cooperative.Name], await NamesAsync(Client, $"{marker} AND holder.display_name:\"hop tac xa\""));
        Assert.Equal([cooperative.Name], await NamesAsync(Client, $"{marker} AND holder.kind = COOPERATIVE"));
    }

    [Fact]
    public async Task Bare_text_ignores_case_and_diacritics_across_title_holder_and_numbers()
    {
        var marker = Marker();
        var rice = await CreateAsync(Client, Marked(marker));
        var teaInput = Marked(marker, "Chè Tam Đường");
        teaInput.ApplicationNumber = NewApplicationNumber();
        var tea = await CreateAsync(Client, teaInput);

        Assert.Equal([rice.Name], await NamesAsync(Client, $"\"seng cu\" {marker}"));
        Assert.Equal([rice.Name], await NamesAsync(Client, $"\"SÉNG CÙ\" {marker}"));
        Assert.Equal([tea.Name], await NamesAsync(Client, $"\"{teaInput.ApplicationNumber}\" {marker}"));
        Assert.Equal([tea.Name], await NamesAsync(Client, $"{marker} AND title:\"tam duong\""));
    }

    [Fact]
    public async Task Filing_and_grant_date_ranges_and_the_filing_year_select_by_date()
    {
        var marker = Marker();
        var early = await CreateAsync(Client, Filed(marker, Day(2014, 12, 31)));
        var middle = await CreateAsync(Client, Filed(marker, Day(2015, 6, 1)));
        var late = await GrantedAsync(Client, Filed(marker, Day(2016, 1, 1)), Day(2017, 5, 4));

        Assert.Equal(
            Sorted(middle, late),
            (await NamesAsync(Client, $"{marker} AND filing_date >= \"2015-01-01\" AND filing_date <= \"2016-01-01\"")).Order(StringComparer.Ordinal));
        Assert.Equal([early.Name], await NamesAsync(Client, $"{marker} AND filing_date < \"2015-01-01\""));
        Assert.Equal([middle.Name], await NamesAsync(Client, $"{marker} AND filing_year = 2015"));
        Assert.Equal([late.Name], await NamesAsync(Client, $"{marker} AND grant_date >= \"2017-01-01\" AND grant_date < \"2018-01-01\""));
        Assert.Equal([late.Name], await NamesAsync(Client, $"{marker} AND expiry_date = \"2026-01-01\""));
    }

    [Fact]
    public async Task Origin_task_application_number_and_ocop_stars_filter_exactly()
    {
        var marker = Marker();
        var ratedInput = Marked(marker);
        ratedInput.Ocop = new OcopRating { Stars = 4 };
        ratedInput.ApplicationNumber = NewApplicationNumber();
        var rated = await CreateAsync(Client, ratedInput);
        var plain = await CreateAsync(Client, Marked(marker, "Chè Tam Đường"));

        Assert.Equal([rated.Name], await NamesAsync(Client, $"{marker} AND ocop.stars >= 4"));
        Assert.Equal([rated.Name], await NamesAsync(Client, $"{marker} AND application_number = \"{ratedInput.ApplicationNumber}\""));
        Assert.Equal([plain.Name], await NamesAsync(Client, $"{marker} AND ocop.stars = 0"));
        Assert.Equal(2, (await NamesAsync(Client, $"{marker} AND origin_task = \"\"")).Count);
    }

    [Fact]
    public async Task The_default_order_is_latest_filing_first()
    {
        var marker = Marker();
        var first = await CreateAsync(Client, Filed(marker, Day(2014, 1, 1)));
        var third = await CreateAsync(Client, Filed(marker, Day(2016, 1, 1)));
        var second = await CreateAsync(Client, Filed(marker, Day(2015, 1, 1)));

        Assert.Equal([third.Name, second.Name, first.Name], await NamesAsync(Client, marker));
    }

    [Theory]
    [InlineData("filing_date")]
    [InlineData("title")]
    [InlineData("application_number")]
    [InlineData("create_time")]
    [InlineData("update_time")]
    [InlineData("grant_date")]
    [InlineData("expiry_date")]
    public async Task Order_by_takes_each_documented_field_ascending_or_descending(string field)
    {
        var marker = Marker();
        // Each field grows with the index i, so ascending order is creation order.
        var created = new List<Asset>();
        for (var i = 0; i < 3; i++)
        {
            var input = Marked(marker, $"Sản phẩm {i}");
            input.FilingDate = Day(2014 + i, 1, 1);
            input.ApplicationNumber = $"4-201{i}-{marker}";
            created.Add(field is "grant_date" or "expiry_date"
                ? await GrantedAsync(Client, input, Day(2017 + i, 1, 1))
                : await CreateAsync(Client, input));
        }

        var ascending = await NamesAsync(Client, marker, field);
        var descending = await NamesAsync(Client, marker, $"{field} desc");

        Assert.Equal(created.Select(a => a.Name), ascending);
        Assert.Equal(created.Select(a => a.Name).Reverse(), descending);
    }

    [Fact]
    public async Task An_unknown_order_field_is_refused()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.ListAssetsAsync(new ListAssetsRequest { OrderBy = "holder" }));

        Assert.Equal(["order_by"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task Pages_walk_every_match_once_in_order_with_the_total_on_each_page()
    {
        var marker = Marker();
        var created = new List<Asset>();
        for (var i = 0; i < 7; i++)
        {
            // Two assets per filing day: the id breaks the tie, and no row may be lost or repeated across pages.
            created.Add(await CreateAsync(Client, Filed(marker, Day(2010 + (i / 2), 1, 1))));
        }

        var pages = await PageWalk.AllPagesAsync(
            async token => await Client.ListAssetsAsync(new ListAssetsRequest { Filter = marker, PageSize = 2, PageToken = token }),
            page => page.NextPageToken);
        var seen = pages.SelectMany(page => page.Assets.Select(a => a.Name)).ToList();

        Assert.All(pages, page => Assert.Equal(7, page.TotalSize));
        Assert.Equal([2, 2, 2, 1], pages.Select(page => page.Assets.Count));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(Sorted([.. created]), seen.Order(StringComparer.Ordinal));
        // Latest filing first; the two assets of a day come in the order of their ids, whatever the collation.
        var years = seen.Select(name => created.Single(a => a.Name == name).FilingDate.Year).ToList();
        Assert.Equal([2013, 2012, 2012, 2011, 2011, 2010, 2010], years);
    }

    [Fact]
    public async Task An_asset_added_ahead_of_the_cursor_between_pages_does_not_repeat_or_skip_a_row()
    {
        var marker = Marker();
        var created = new List<Asset>();
        for (var i = 0; i < 4; i++)
        {
            created.Add(await CreateAsync(Client, Filed(marker, Day(2010 + i, 1, 1))));
        }

        var first = await Client.ListAssetsAsync(new ListAssetsRequest { Filter = marker, PageSize = 2 });
        // Sorts first (latest filing): a page counted by offset would now hand the second page's first row again.
        await CreateAsync(Client, Filed(marker, Day(2020, 1, 1)));
        var second = await Client.ListAssetsAsync(new ListAssetsRequest { Filter = marker, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(created.Select(a => a.Name).Reverse(), first.Assets.Concat(second.Assets).Select(a => a.Name));
        Assert.Equal(5, second.TotalSize);
    }

    [Fact]
    public async Task A_page_token_is_bound_to_its_filter_and_order()
    {
        var marker = Marker();
        await CreateAsync(Client, Filed(marker, Day(2014, 1, 1)));
        await CreateAsync(Client, Filed(marker, Day(2015, 1, 1)));

        await PageTokenBinding.AssertBoundToFilterAndOrderAsync(
            async (filter, orderBy, token) => (await Client.ListAssetsAsync(
                new ListAssetsRequest { Filter = filter, OrderBy = orderBy, PageSize = 1, PageToken = token })).NextPageToken,
            marker,
            otherFilter: $"{marker} AND kind = MARK",
            otherOrderBy: "title");
    }
}

public sealed class AssetListTestsOnSqlite(SqliteIpService service) : AssetListTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetListTestsOnPostgreSql(PostgreSqlIpService service) : AssetListTests(service), IClassFixture<PostgreSqlIpService>;
