using Grpc.Core;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Tasks.TaskTestSupport;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Tasks;

/// <summary>
/// ListTasks against the real service: every filter field, ordering and pagination. The database is shared by the
/// class, so each test marks its tasks with its own word and puts that word in every filter.
/// </summary>
public abstract class TaskListTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task A_province_code_filter_matches_every_code_of_the_merger_lineage()
    {
        var marker = Marker();

        await ProvinceLineageFilter.AssertACodeMatchesEveryCodeOfItsLineageAsync(
            marker,
            async (code, day) => (await CreateAsync(Client, InProvince(marker, code, day))).Name,
            filter => NamesAsync(Client, filter));
    }

    [Theory]
    [InlineData("province_code != \"44\"")]
    [InlineData("province_code : \"44\"")]
    [InlineData("province_code > \"40\"")]
    public async Task A_province_code_filter_takes_only_equality(string filter)
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.ListTasksAsync(new ListTasksRequest { Filter = filter }));

        Assert.Equal("INVALID_FILTER", RpcErrorAssert.Reason(status));
        Assert.Equal(["filter"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task Enum_fields_filter_by_their_proto_names()
    {
        var marker = Marker();
        var national = Marked(marker);
        national.Level = TaskLevel.National;
        national.Kind = TaskKind.PilotProductionProject;
        national.Field = ResearchField.Health;
        var nationalTask = await CreateAsync(Client, national);
        var provincialTask = await CreateAsync(Client, WithCode(Marked(marker), marker + "-b"));
        await Client.SelectTaskAsync(new SelectTaskRequest { Name = provincialTask.Name, Actor = "Hội đồng" });

        Assert.Equal([nationalTask.Name], await NamesAsync(Client, $"{marker} AND level = NATIONAL"));
        Assert.Equal([provincialTask.Name], await NamesAsync(Client, $"{marker} AND level = PROVINCIAL"));
        Assert.Equal([nationalTask.Name], await NamesAsync(Client, $"{marker} AND kind = PILOT_PRODUCTION_PROJECT"));
        Assert.Equal([nationalTask.Name], await NamesAsync(Client, $"{marker} AND field = HEALTH"));
        Assert.Equal([provincialTask.Name], await NamesAsync(Client, $"{marker} AND state = SELECTED"));
        Assert.Equal([nationalTask.Name], await NamesAsync(Client, $"{marker} AND state != SELECTED"));
    }

    [Fact]
    public async Task The_programme_filter_takes_a_programme_name_or_empty_for_none()
    {
        var marker = Marker();
        var programme = await AddProgrammeAsync(service);
        var inProgramme = Marked(marker);
        inProgramme.Programme = programme;
        var member = await CreateAsync(Client, inProgramme);
        var outsider = await CreateAsync(Client, WithCode(Marked(marker), marker + "-b"));

        Assert.Equal([member.Name], await NamesAsync(Client, $"{marker} AND programme = \"{programme}\""));
        Assert.Equal([outsider.Name], await NamesAsync(Client, $"{marker} AND programme = \"\""));
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.ListTasksAsync(new ListTasksRequest { Filter = "programme = \"chuong-trinh\"" }));
        Assert.Equal("INVALID_FILTER", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task The_code_filter_matches_the_code_exactly()
    {
        var marker = Marker();
        var first = await CreateAsync(Client, WithCode(Marked(marker), $"ĐTĐL.CN-{marker}/21"));
        await CreateAsync(Client, WithCode(Marked(marker), $"ĐTĐL.CN-{marker}/22"));

        Assert.Equal([first.Name], await NamesAsync(Client, $"code = \"ĐTĐL.CN-{marker}/21\""));
        Assert.Equal(2, (await NamesAsync(Client, $"code = \"ĐTĐL.CN-{marker}/*\"")).Count);
    }

    [Fact]
    public async Task Date_filters_compare_start_and_end_dates()
    {
        var marker = Marker();
        var early = await CreateAsync(Client, Dated(marker, "a", Day(2019, 6, 1), Day(2020, 6, 30)));
        var middle = await CreateAsync(Client, Dated(marker, "b", Day(2021, 3, 1), Day(2022, 12, 31)));
        var late = await CreateAsync(Client, Dated(marker, "c", Day(2024, 1, 15), Day(2026, 1, 15)));

        Assert.Equal(Sorted(middle, late), (await NamesAsync(Client, $"{marker} AND start_date >= \"2021-03-01\"")).Order(StringComparer.Ordinal));
        Assert.Equal([early.Name], await NamesAsync(Client, $"{marker} AND end_date < \"2021-01-01\""));
        Assert.Equal([middle.Name], await NamesAsync(Client, $"{marker} AND start_date = \"2021-03\""));
        Assert.Equal([late.Name], await NamesAsync(Client, $"{marker} AND end_date > \"2025\""));
    }

    [Fact]
    public async Task The_year_filter_takes_a_range_of_start_years()
    {
        var marker = Marker();
        await CreateAsync(Client, Dated(marker, "a", Day(2019, 12, 31), null));
        var first = await CreateAsync(Client, Dated(marker, "b", Day(2020, 1, 1), null));
        var second = await CreateAsync(Client, Dated(marker, "c", Day(2021, 12, 31), null));
        await CreateAsync(Client, Dated(marker, "d", Day(2022, 1, 1), null));

        var names = await NamesAsync(Client, $"{marker} AND year >= 2020 AND year <= 2021");

        Assert.Equal(Sorted(first, second), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bare_text_ignores_case_and_diacritics()
    {
        var marker = Marker();
        var taro = await CreateAsync(Client, Marked(marker, "Phát triển sản phẩm khoai sọ Nậm Khao"));
        var tea = WithCode(Marked(marker, "Bảo tồn chè Shan tuyết cổ thụ"), marker + "-b");
        tea.Subject = "chè Shan tuyết";
        await CreateAsync(Client, tea);

        Assert.Equal([taro.Name], await NamesAsync(Client, $"nam khao {marker}"));
        Assert.Equal([taro.Name], await NamesAsync(Client, $"\"NẬM KHAO\" {marker}"));
    }

    [Fact]
    public async Task Title_host_and_investigator_filters_ignore_case_and_diacritics_each_on_its_own_field()
    {
        var marker = Marker();
        var tea = Marked(marker, "Bảo tồn chè Shan tuyết cổ thụ");
        tea.HostOrganisation = new Organisation { DisplayName = "Viện Khoa học Kỹ thuật Nông Lâm nghiệp miền núi phía Bắc" };
        tea.PrincipalInvestigator = "Đặng Văn Thư";
        var teaTask = await CreateAsync(Client, tea);
        var taro = WithCode(Marked(marker, "Khoai sọ Nậm Khao"), marker + "-b");
        taro.Subject = "chè Đặng Văn Thư";
        var taroTask = await CreateAsync(Client, taro);

        Assert.Equal([teaTask.Name], await NamesAsync(Client, $"{marker} AND title:\"che shan tuyet\""));
        Assert.Equal([taroTask.Name], await NamesAsync(Client, $"{marker} AND title:\"KHOAI SO\""));
        Assert.Equal([teaTask.Name], await NamesAsync(Client, $"{marker} AND host_organisation.display_name:\"nong lam nghiep\""));
        Assert.Equal([teaTask.Name], await NamesAsync(Client, $"{marker} AND principal_investigator = \"dang van thu\""));
        Assert.Equal([taroTask.Name], await NamesAsync(Client, $"{marker} AND principal_investigator:\"nguyen van an\""));
    }

    [Theory]
    [InlineData("no_such_field = 1")]
    [InlineData("level = SUPREME")]
    [InlineData("year >= nam-2020")]
    [InlineData("start_date > \"2021-02-30\"")]
    public async Task An_invalid_filter_is_refused(string filter)
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.ListTasksAsync(new ListTasksRequest { Filter = filter }));

        Assert.Equal("INVALID_FILTER", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task The_default_order_is_latest_start_first_then_code()
    {
        var marker = Marker();
        var older = await CreateAsync(Client, Dated(marker, "a", Day(2019, 1, 1), null));
        var newerB = await CreateAsync(Client, Dated(marker, "b", Day(2023, 5, 1), null));
        var newerA = await CreateAsync(Client, Dated(marker, "a2", Day(2023, 5, 1), null));
        var middle = await CreateAsync(Client, Dated(marker, "c", Day(2021, 1, 1), null));

        var names = await NamesAsync(Client, marker);

        Assert.Equal([newerA.Name, newerB.Name, middle.Name, older.Name], names);
    }

    [Fact]
    public async Task Order_by_takes_each_documented_field_ascending_or_descending()
    {
        var marker = Marker();
        var a = await CreateAsync(Client, Budgeted(Dated(marker, "a", Day(2022, 1, 1), Day(2023, 6, 30)), 300), NewTaskIdStarting("a"));
        var b = await CreateAsync(Client, Budgeted(Dated(marker, "b", Day(2020, 1, 1), Day(2024, 6, 30)), 100), NewTaskIdStarting("b"));
        var c = await CreateAsync(Client, Budgeted(Dated(marker, "c", Day(2021, 1, 1), Day(2022, 6, 30)), 200), NewTaskIdStarting("c"));

        Assert.Equal([a.Name, b.Name, c.Name], await NamesAsync(Client, marker, "code"));
        Assert.Equal([c.Name, b.Name, a.Name], await NamesAsync(Client, marker, "code desc"));
        Assert.Equal([b.Name, c.Name, a.Name], await NamesAsync(Client, marker, "start_date"));
        Assert.Equal([c.Name, a.Name, b.Name], await NamesAsync(Client, marker, "end_date"));
        Assert.Equal([a.Name, c.Name, b.Name], await NamesAsync(Client, marker, "budget.total_vnd desc"));
        Assert.Equal([a.Name, b.Name, c.Name], await NamesAsync(Client, marker, "create_time"));
        Assert.Equal([a.Name, b.Name, c.Name], await NamesAsync(Client, marker, "name"));
        Assert.Equal([c.Name, b.Name, a.Name], await NamesAsync(Client, marker, "update_time desc, name"));
    }

    [Fact]
    public async Task An_unknown_order_field_is_refused()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.ListTasksAsync(new ListTasksRequest { OrderBy = "title" }));

        Assert.Equal(["order_by"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task Pages_walk_every_match_once_in_order_with_the_total_on_each_page()
    {
        var marker = Marker();
        var created = new List<TaskMessage>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateAsync(Client, Dated(marker, $"p{i}", Day(2020 + i, 1, 1), null)));
        }

        var pages = await PageWalk.AllPagesAsync(
            async token => await Client.ListTasksAsync(new ListTasksRequest { Filter = marker, PageSize = 2, PageToken = token }),
            page => page.NextPageToken);
        var seen = pages.SelectMany(page => page.Tasks.Select(t => t.Name)).ToList();

        Assert.All(pages, page => Assert.Equal(5, page.TotalSize));
        Assert.Equal([2, 2, 1], pages.Select(page => page.Tasks.Count));
        Assert.Equal(created.Select(t => t.Name).Reverse(), seen);
    }

    [Fact]
    public async Task A_task_added_ahead_of_the_cursor_between_pages_does_not_repeat_or_skip_a_row()
    {
        var marker = Marker();
        var created = new List<TaskMessage>();
        for (var i = 0; i < 4; i++)
        {
            created.Add(await CreateAsync(Client, Dated(marker, $"p{i}", Day(2020 + i, 1, 1), null)));
        }

        var first = await Client.ListTasksAsync(new ListTasksRequest { Filter = marker, PageSize = 2 });
        // Sorts first (latest start): a page counted by offset would now hand the second page's first row again.
        await CreateAsync(Client, Dated(marker, "new", Day(2030, 1, 1), null));
        var second = await Client.ListTasksAsync(new ListTasksRequest { Filter = marker, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(
            created.Select(t => t.Name).Reverse(),
            first.Tasks.Concat(second.Tasks).Select(t => t.Name));
        Assert.Equal(5, second.TotalSize);
    }

    [Fact]
    public async Task A_page_token_is_bound_to_its_filter_and_order()
    {
        var marker = Marker();
        await CreateAsync(Client, Dated(marker, "a", Day(2020, 1, 1), null));
        await CreateAsync(Client, Dated(marker, "b", Day(2021, 1, 1), null));

        await PageTokenBinding.AssertBoundToFilterAndOrderAsync(
            async (filter, orderBy, token) => (await Client.ListTasksAsync(
                new ListTasksRequest { Filter = filter, OrderBy = orderBy, PageSize = 1, PageToken = token })).NextPageToken,
            marker,
            otherFilter: $"{marker} AND year = 2020",
            otherOrderBy: "code");
    }

    private static TaskMessage InProvince(string marker, string provinceCode, Google.Type.Date start)
    {
        var task = WithCode(Marked(marker), $"{marker}-{provinceCode}");
        task.ProvinceCode = provinceCode;
        task.StartDate = start;
        task.EndDate = null;
        return task;
    }

    private static TaskMessage Dated(string marker, string suffix, Google.Type.Date start, Google.Type.Date? end)
    {
        var task = WithCode(Marked(marker), $"{marker}-{suffix}");
        task.StartDate = start;
        task.EndDate = end;
        return task;
    }

    private static TaskMessage Budgeted(TaskMessage task, long millions)
    {
        task.Budget = new Budget { StateBudgetVnd = millions * 1_000_000 };
        return task;
    }

    private static TaskMessage WithCode(TaskMessage task, string code)
    {
        task.Code = code;
        return task;
    }

    private static string NewTaskIdStarting(string letter) => $"{letter}{NewTaskId()}";

    private static string[] Sorted(params TaskMessage[] tasks) => [.. tasks.Select(t => t.Name).Order(StringComparer.Ordinal)];
}

public sealed class TaskListTestsOnSqlite(SqliteTasksService service) : TaskListTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskListTestsOnPostgreSql(PostgreSqlTasksService service) : TaskListTests(service), IClassFixture<PostgreSqlTasksService>;
