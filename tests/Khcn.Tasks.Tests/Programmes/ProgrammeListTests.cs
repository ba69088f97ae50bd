using Grpc.Core;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Programmes.TestProgrammes;

namespace Khcn.Tasks.Tests.Programmes;

/// <summary>ListProgrammes: filters (province lineage included), ordering and keyset pages, on the test's own rows.</summary>
public abstract class ProgrammeListTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Theory]
    [InlineData("44")]
    [InlineData("45")]
    public async Task A_province_filter_matches_every_code_of_the_merger_lineage(string code)
    {
        var marker = Marker();
        var underClosedCode = await CreateAsync(Client, InProvince(marker, "45", 2021, "a"));
        var underMergedCode = await CreateAsync(Client, InProvince(marker, "44", 2026, "b"));
        await CreateAsync(Client, InProvince(marker, "12", 2021, "c"));

        var found = await ListAsync($"province_code = \"{code}\" AND display_name:\"{marker}\"");

        Assert.Equal(Sorted(underClosedCode.Name, underMergedCode.Name), Names(found));
    }

    [Fact]
    public async Task A_province_filter_on_an_unchanged_province_matches_only_it()
    {
        var marker = Marker();
        await CreateAsync(Client, InProvince(marker, "45", 2021, "a"));
        var laiChau = await CreateAsync(Client, InProvince(marker, "12", 2021, "b"));

        var found = await ListAsync($"province_code = \"12\" AND display_name:\"{marker}\"");

        Assert.Equal(laiChau.Name, Assert.Single(found).Name);
    }

    [Fact]
    public async Task An_empty_province_filter_finds_the_national_programmes()
    {
        var marker = Marker();
        var national = InProvince(marker, "", 2021, "a");
        national.Level = TaskLevel.National;
        var created = await CreateAsync(Client, national);
        await CreateAsync(Client, InProvince(marker, "12", 2021, "b"));

        var found = await ListAsync($"province_code = \"\" AND display_name:\"{marker}\"");

        Assert.Equal(created.Name, Assert.Single(found).Name);
    }

    [Fact]
    public async Task Level_year_and_code_filters_select_the_matching_programmes()
    {
        var marker = Marker();
        var early = InProvince(marker, "12", 2016, "a");
        early.EndYear = 2020;
        var ministerial = InProvince(marker, "12", 2021, "b");
        ministerial.Level = TaskLevel.Ministerial;
        ministerial.EndYear = 2025;
        var late = InProvince(marker, "12", 2022, "c");
        late.EndYear = 2026;
        var (a, b, c) = (await CreateAsync(Client, early), await CreateAsync(Client, ministerial), await CreateAsync(Client, late));
        var mine = $"display_name:\"{marker}\"";

        Assert.Equal(Sorted(a.Name, c.Name), Names(await ListAsync($"{mine} AND level = PROVINCIAL")));
        Assert.Equal(Sorted(b.Name, c.Name), Names(await ListAsync($"{mine} AND start_year >= 2021")));
        Assert.Equal([a.Name], Names(await ListAsync($"{mine} AND end_year < 2025")));
        Assert.Equal([b.Name], Names(await ListAsync($"code = \"{b.Code}\"")));
    }

    [Fact]
    public async Task The_name_filter_ignores_case_and_diacritics()
    {
        var marker = Marker();
        var created = await CreateAsync(Client, InProvince(marker, "12", 2021, "a"));

        Assert.Equal([created.Name], Names(await ListAsync($"display_name:\"TỈNH LAI CHÂU {marker.ToUpperInvariant()}\"")));
        Assert.Equal([created.Name], Names(await ListAsync($"\"tinh lai chau {marker}\"")));
    }

    [Fact]
    public async Task The_default_order_is_by_code()
    {
        var marker = Marker();
        foreach (var suffix in new[] { "c", "a", "b" })
        {
            await CreateAsync(Client, InProvince(marker, "12", 2021, suffix));
        }

        var found = await ListAsync($"display_name:\"{marker}\"");

        Assert.Equal(found.Select(p => p.Code).Order(StringComparer.Ordinal), found.Select(p => p.Code));
        Assert.Equal(3, found.Count);
    }

    [Fact]
    public async Task Programmes_order_by_start_year_descending_and_by_creation()
    {
        var marker = Marker();
        var created = new List<Programme>();
        foreach (var (suffix, year) in new[] { ("a", 2019), ("b", 2023), ("c", 2021) })
        {
            created.Add(await CreateAsync(Client, InProvince(marker, "12", year, suffix)));
        }

        var byYear = await ListAsync($"display_name:\"{marker}\"", "start_year desc");
        var byCreation = await ListAsync($"display_name:\"{marker}\"", "create_time");

        Assert.Equal([2023, 2021, 2019], byYear.Select(p => p.StartYear));
        Assert.Equal(created.Select(p => p.Name), byCreation.Select(p => p.Name));
    }

    [Fact]
    public async Task Pages_hold_every_matching_programme_once_with_the_total_on_each()
    {
        var marker = Marker();
        var created = new List<string>();
        foreach (var suffix in new[] { "e", "d", "c", "b", "a" })
        {
            created.Add((await CreateAsync(Client, InProvince(marker, "12", 2021, suffix))).Name);
        }

        var pages = await PageWalk.AllPagesAsync(
            async token => await Client.ListProgrammesAsync(
                new ListProgrammesRequest { Filter = $"display_name:\"{marker}\"", PageSize = 2, PageToken = token }),
            page => page.NextPageToken);
        var seen = pages.SelectMany(page => page.Programmes).ToList();

        Assert.All(pages, page => Assert.Equal(created.Count, page.TotalSize));
        Assert.All(pages, page => Assert.InRange(page.Programmes.Count, 1, 2));
        Assert.Equal(3, pages.Count);
        Assert.Equal(created.Order(StringComparer.Ordinal), seen.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(seen.Select(p => p.Code).Order(StringComparer.Ordinal), seen.Select(p => p.Code));
    }

    [Fact]
    public async Task A_page_token_is_bound_to_its_filter()
    {
        var marker = Marker();
        await CreateAsync(Client, InProvince(marker, "12", 2021, "a"));
        await CreateAsync(Client, InProvince(marker, "12", 2021, "b"));
        var first = await Client.ListProgrammesAsync(new ListProgrammesRequest { Filter = $"display_name:\"{marker}\"", PageSize = 1 });

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ListProgrammesAsync(
            new ListProgrammesRequest { Filter = "level = NATIONAL", PageSize = 1, PageToken = first.NextPageToken }));

        Assert.Equal(["page_token"], RpcErrorAssert.ViolatedFields(status));
    }

    [Theory]
    [InlineData("title = \"x\"")] // a task field, not a programme one
    [InlineData("province_code > \"44\"")] // a province is a lineage: only = is meaningful
    [InlineData("level = SOMETHING")]
    public async Task Invalid_filters_are_refused(string filter)
    {
        await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ListProgrammesAsync(new ListProgrammesRequest { Filter = filter }));
    }

    [Theory]
    [InlineData("display_name")]
    [InlineData("budget")]
    public async Task Ordering_by_a_field_without_an_order_is_refused(string orderBy)
    {
        await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ListProgrammesAsync(new ListProgrammesRequest { OrderBy = orderBy }));
    }

    /// <summary>A provincial programme in <paramref name="provinceCode"/>, coded "CT.{MARKER}.{suffix}".</summary>
    private static Programme InProvince(string marker, string provinceCode, int startYear, string suffix)
    {
        var programme = Provincial(marker);
        programme.Code = $"CT.{marker.ToUpperInvariant()}.{suffix.ToUpperInvariant()}";
        programme.ProvinceCode = provinceCode;
        programme.StartYear = startYear;
        programme.EndYear = 0;
        return programme;
    }

    private static IEnumerable<string> Sorted(params string[] names) => names.Order(StringComparer.Ordinal);

    private static IEnumerable<string> Names(IEnumerable<Programme> programmes) => programmes.Select(p => p.Name).Order(StringComparer.Ordinal);

    private async Task<IReadOnlyList<Programme>> ListAsync(string filter, string orderBy = "")
    {
        var response = await Client.ListProgrammesAsync(new ListProgrammesRequest { Filter = filter, OrderBy = orderBy, PageSize = 1000 });
        Assert.Empty(response.NextPageToken);
        return response.Programmes;
    }
}

public sealed class ProgrammeListTestsOnSqlite(SqliteTasksService fixture) : ProgrammeListTests(fixture), IClassFixture<SqliteTasksService>;

public sealed class ProgrammeListTestsOnPostgreSql(PostgreSqlTasksService fixture) : ProgrammeListTests(fixture), IClassFixture<PostgreSqlTasksService>;
