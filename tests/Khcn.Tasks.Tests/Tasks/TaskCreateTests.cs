using System.Text;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Tasks.TaskTestSupport;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Tasks;

/// <summary>CreateTask against the real service: what is stored, idempotent retries, and every validation rule.</summary>
public abstract class TaskCreateTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task A_created_task_keeps_every_field_starts_proposed_and_reads_back_the_same()
    {
        var input = Marked(Marker());
        input.Programme = await AddProgrammeAsync(service);
        input.Outputs.Add(new TaskOutput
        {
            Kind = OutputKind.IntellectualProperty,
            Description = "Nhãn hiệu chứng nhận khoai sọ Nậm Khao",
            Asset = "assets/nhan-hieu-khoai-so",
            Delivered = true,
        });
        var id = NewTaskId();
        var before = DateTime.UtcNow.AddTicks(-10);

        var created = await Client.CreateTaskAsync(new CreateTaskRequest { Task = input, TaskId = id });

        var expected = input.Clone();
        expected.Name = $"tasks/{id}";
        expected.State = State.Proposed;
        expected.Budget.TotalVnd = 1_500_000_000;
        expected.Etag = "\"1\"";
        expected.CreateTime = created.CreateTime;
        expected.UpdateTime = created.UpdateTime;
        Assert.Equal(expected, created);
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.InRange(created.CreateTime.ToDateTime(), before, DateTime.UtcNow);
        Assert.Equal(created, await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Creating_records_one_created_event_with_a_snapshot_of_the_new_task()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var entry = Assert.Single(await EventsAsync(Client, created.Name));

        Assert.Equal(EventType.Created, entry.Type);
        Assert.Equal(State.Unspecified, entry.PreviousState);
        Assert.Equal(State.Proposed, entry.NewState);
        Assert.Equal("", entry.Actor);
        Assert.Equal(created.CreateTime, entry.RecordTime);
        Assert.Equal(created.CreateTime, entry.EventTime);
        Assert.Equal(created, entry.TaskSnapshot);
    }

    [Fact]
    public async Task A_generated_id_is_a_valid_resource_id()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var id = created.Name["tasks/".Length..];
        Assert.StartsWith("tasks/", created.Name);
        Assert.True(Khcn.Aip.ResourceIds.IsValid(id), id);
    }

    [Fact]
    public async Task Vietnamese_text_sent_decomposed_is_stored_in_nfc()
    {
        var marker = Marker();
        var input = Marked(marker);
        input.Title = $"Nghiên cứu phát triển khoai sọ Nậm Khao {marker}".Normalize(NormalizationForm.FormD);
        input.HostOrganisation.DisplayName = "Trung tâm Ứng dụng tiến bộ KH&CN Lai Châu".Normalize(NormalizationForm.FormD);
        input.PrincipalInvestigator = "Nguyễn Thị Hoà".Normalize(NormalizationForm.FormD);
        input.Subject = "khoai sọ Nậm Khao".Normalize(NormalizationForm.FormD);
        input.Outputs[0].Description = "Quy trình nhân giống khoai sọ".Normalize(NormalizationForm.FormD);
        input.Code = $"ĐT.{marker}/21".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(input.Title, input.Title.Normalize(NormalizationForm.FormC));

        var created = await CreateAsync(Client, input);

        Assert.Equal($"Nghiên cứu phát triển khoai sọ Nậm Khao {marker}".Normalize(NormalizationForm.FormC), created.Title);
        Assert.Equal("Trung tâm Ứng dụng tiến bộ KH&CN Lai Châu".Normalize(NormalizationForm.FormC), created.HostOrganisation.DisplayName);
        Assert.Equal("Nguyễn Thị Hoà".Normalize(NormalizationForm.FormC), created.PrincipalInvestigator);
        Assert.Equal("khoai sọ Nậm Khao".Normalize(NormalizationForm.FormC), created.Subject);
        Assert.Equal("Quy trình nhân giống khoai sọ".Normalize(NormalizationForm.FormC), created.Outputs[0].Description);
        Assert.Equal($"ĐT.{marker}/21".Normalize(NormalizationForm.FormC), created.Code);
        Assert.Equal(created, await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Partial_dates_are_accepted_and_kept_as_given()
    {
        var input = Marked(Marker());
        input.StartDate = new Google.Type.Date { Year = 2021, Month = 3 };
        input.EndDate = new Google.Type.Date { Year = 2021 };

        var created = await CreateAsync(Client, input);

        Assert.Equal(new Google.Type.Date { Year = 2021, Month = 3 }, created.StartDate);
        Assert.Equal(new Google.Type.Date { Year = 2021 }, created.EndDate);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_task_and_creates_nothing_more()
    {
        var marker = Marker();
        var request = new CreateTaskRequest { Task = Marked(marker), RequestId = Guid.NewGuid().ToString() };

        await RequestIdRetries.AssertRetryReturnsTheFirstAsync(
            async () => await Client.CreateTaskAsync(request), t => t.Name, () => NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Concurrent_retries_with_the_same_request_id_all_get_the_one_task_created()
    {
        var marker = Marker();
        var request = new CreateTaskRequest { Task = Marked(marker), RequestId = Guid.NewGuid().ToString() };

        var answers = await RequestIdRetries.AssertConcurrentRetriesGetTheOneCreatedAsync(
            8, async () => await service.NewClient().CreateTaskAsync(request), t => t.Name, () => NamesAsync(Client, marker));

        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task A_request_id_reused_with_a_different_task_returns_the_first_task_unchanged()
    {
        // Khcn.Data keeps no request fingerprint for creates (AIP-155 leaves it open): the request_id alone decides.
        var marker = Marker();
        var requestId = Guid.NewGuid().ToString();
        var first = await Client.CreateTaskAsync(new CreateTaskRequest { Task = Marked(marker, "Nghiên cứu chè Shan tuyết"), RequestId = requestId });

        var second = await Client.CreateTaskAsync(new CreateTaskRequest { Task = Marked(marker, "Nghiên cứu cam sành"), RequestId = requestId });

        Assert.Equal(first, second);
        Assert.Equal([first.Name], await NamesAsync(Client, marker));
        Assert.Empty(await NamesAsync(Client, $"{marker} AND title:\"cam sanh\""));
    }

    [Fact]
    public async Task A_request_id_that_is_not_a_uuid_is_refused()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = Marked(Marker()), RequestId = "lan-1" }));

        Assert.Equal(["request_id"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_missing_task_is_refused_on_field_task()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { TaskId = NewTaskId() }));

        Assert.Equal(["task"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task An_invalid_task_id_is_refused_on_field_task_id()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = Marked(Marker()), TaskId = "Task_1" }));

        Assert.Equal(["task_id"], RpcErrorAssert.ViolatedFields(status));
    }

    /// <summary>One broken field per case, and the path the violation must name.</summary>
    private static readonly Dictionary<string, (Action<TaskMessage> Break, string Field)> SingleViolations = new()
    {
        ["title blank"] = (t => t.Title = "  ", "task.title"),
        ["kind unspecified"] = (t => t.Kind = TaskKind.Unspecified, "task.kind"),
        ["kind unknown"] = (t => t.Kind = (TaskKind)99, "task.kind"),
        ["level unspecified"] = (t => t.Level = TaskLevel.Unspecified, "task.level"),
        ["level unknown"] = (t => t.Level = (TaskLevel)99, "task.level"),
        ["province code missing"] = (t => t.ProvinceCode = "", "task.province_code"),
        ["host organisation missing"] = (t => t.HostOrganisation = null, "task.host_organisation.display_name"),
        ["host organisation name blank"] = (t => t.HostOrganisation.DisplayName = "", "task.host_organisation.display_name"),
        ["field unknown"] = (t => t.Field = (ResearchField)99, "task.field"),
        ["state budget negative"] = (t => t.Budget.StateBudgetVnd = -1, "task.budget.state_budget_vnd"),
        ["other sources negative"] = (t => t.Budget.OtherSourcesVnd = -1, "task.budget.other_sources_vnd"),
        ["budget total overflows"] = (t => t.Budget = new Budget { StateBudgetVnd = long.MaxValue, OtherSourcesVnd = 1 }, "task.budget"),
        ["start month 13"] = (t => t.StartDate = new Google.Type.Date { Year = 2021, Month = 13, Day = 1 }, "task.start_date.month"),
        ["end day 30 February"] = (t => t.EndDate = new Google.Type.Date { Year = 2022, Month = 2, Day = 30 }, "task.end_date.day"),
        ["end before start"] = (t => t.EndDate = Day(2021, 2, 28), "task.end_date"),
        ["end year before a partial start"] = (t => (t.StartDate, t.EndDate) = (new Google.Type.Date { Year = 2021, Month = 3 }, new Google.Type.Date { Year = 2020 }), "task.end_date"),
        ["programme malformed"] = (t => t.Programme = "programme/abcd", "task.programme"),
        ["programme unknown"] = (t => t.Programme = "programmes/khong-co-chuong-trinh", "task.programme"),
        ["output asset malformed"] = (t => t.Outputs[0].Asset = "patents/123", "task.outputs[0].asset"),
        ["output kind unknown"] = (t => t.Outputs[0].Kind = (OutputKind)99, "task.outputs[0].kind"),
        ["code padded"] = (t => t.Code = " " + t.Code, "task.code"),
        ["state given"] = (t => t.State = State.InProgress, "task.state"),
        ["acceptance rating given"] = (t => t.AcceptanceRating = AcceptanceRating.Pass, "task.acceptance_rating"),
        ["adjustment count given"] = (t => t.AdjustmentCount = 1, "task.adjustment_count"),
        ["extension count given"] = (t => t.ExtensionCount = 2, "task.extension_count"),
    };

    public static TheoryData<string> SingleViolationCases() => [.. SingleViolations.Keys];

    [Theory]
    [MemberData(nameof(SingleViolationCases))]
    public async Task Each_invalid_field_is_refused_with_its_path_and_nothing_is_created(string rule)
    {
        var marker = Marker();
        var input = Marked(marker);
        var (breakIt, field) = SingleViolations[rule];
        breakIt(input);

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = input }));

        Assert.Equal([field], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal("INVALID_ARGUMENT", RpcErrorAssert.Reason(status));
        Assert.Empty(await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Every_violation_is_reported_in_one_error()
    {
        var input = new TaskMessage
        {
            Budget = new Budget { StateBudgetVnd = -5 },
            StartDate = Day(2022, 1, 1),
            EndDate = Day(2021, 1, 1),
            State = State.Accepted,
        };

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = input, TaskId = "X" }));

        Assert.Equal(
            new[]
            {
                "task.budget.state_budget_vnd", "task.end_date", "task.host_organisation.display_name", "task.kind",
                "task.level", "task.province_code", "task.state", "task.title", "task_id",
            },
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_closed_province_code_valid_at_the_start_date_is_accepted_and_kept_as_given()
    {
        var input = Marked(Marker());
        input.ProvinceCode = "45";
        input.StartDate = Day(2023, 11, 29);
        input.EndDate = Day(2025, 12, 31);

        var created = await CreateAsync(Client, input);

        Assert.Equal("45", created.ProvinceCode);
        Assert.Equal("45", (await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name })).ProvinceCode);
    }

    [Fact]
    public async Task A_province_code_closed_before_the_start_date_is_refused_naming_its_successor()
    {
        var marker = Marker();
        var input = Marked(marker);
        input.ProvinceCode = "45";
        input.StartDate = Day(2025, 8, 1);
        input.EndDate = Day(2026, 12, 31);

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = input }));

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("task.province_code", violation.Field);
        Assert.Contains("44", violation.Description);
        Assert.Empty(await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Without_a_start_date_the_province_code_must_be_in_use_today()
    {
        var input = Marked(Marker());
        input.ProvinceCode = "45";
        input.StartDate = null;
        input.EndDate = null;

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = input }));

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
        Assert.Equal(["task.province_code"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task An_unknown_province_code_is_refused()
    {
        var input = Marked(Marker());
        input.ProvinceCode = "99";

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = input }));

        Assert.Equal(["task.province_code"], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal("PROVINCE_NOT_FOUND", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task A_province_problem_among_other_violations_is_reported_with_them()
    {
        var input = Marked(Marker());
        input.ProvinceCode = "99";
        input.Title = "";

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = input }));

        Assert.Equal(["task.province_code", "task.title"], RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
        Assert.Equal("INVALID_ARGUMENT", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task A_taken_code_is_refused_with_duplicate_task_code_naming_its_holder()
    {
        var marker = Marker();
        var original = Marked(marker);
        original.Code = $"NẬM-KHAO.{marker}/21";
        var first = await CreateAsync(Client, original);
        var again = Marked(marker, "Một nhiệm vụ khác");
        again.Code = original.Code.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(original.Code, again.Code);

        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = again }));

        Assert.Equal("DUPLICATE_TASK_CODE", RpcErrorAssert.Reason(status));
        Assert.Equal(first.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal([first.Name], await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Of_concurrent_creates_with_one_code_exactly_one_wins_and_the_others_name_it()
    {
        var marker = Marker();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                return (Task: await service.NewClient().CreateTaskAsync(new CreateTaskRequest { Task = Marked(marker, $"Bản ghi {i}") }), Error: (Google.Rpc.Status?)null);
            }
            catch (RpcException e)
            {
                Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
                return (Task: (TaskMessage?)null, Error: e.GetRpcStatus());
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Task is not null).Task!;
        Assert.All(outcomes.Where(o => o.Error is not null), o =>
        {
            Assert.Equal("DUPLICATE_TASK_CODE", RpcErrorAssert.Reason(o.Error!));
            Assert.Equal(winner.Name, RpcErrorAssert.ResourceName(o.Error!));
        });
        Assert.Equal([winner.Name], await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Tasks_without_a_code_do_not_collide()
    {
        var marker = Marker();
        var one = Marked(marker);
        one.Code = "";
        var two = Marked(marker);
        two.Code = "";

        var created = new[] { await CreateAsync(Client, one), await CreateAsync(Client, two) };

        Assert.Equal(
            created.Select(t => t.Name).Order(StringComparer.Ordinal),
            (await NamesAsync(Client, marker)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_taken_id_is_refused_with_already_exists()
    {
        var marker = Marker();
        var id = NewTaskId();
        var first = await CreateAsync(Client, Marked(marker), id);
        var other = Marked(Marker());

        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () =>
            Client.CreateTaskAsync(new CreateTaskRequest { Task = other, TaskId = id }));

        Assert.Equal("TASK_ALREADY_EXISTS", RpcErrorAssert.Reason(status));
        Assert.Equal(first.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(first, await Client.GetTaskAsync(new GetTaskRequest { Name = first.Name }));
    }
}

public sealed class TaskCreateTestsOnSqlite(SqliteTasksService service) : TaskCreateTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskCreateTestsOnPostgreSql(PostgreSqlTasksService service) : TaskCreateTests(service), IClassFixture<PostgreSqlTasksService>;
