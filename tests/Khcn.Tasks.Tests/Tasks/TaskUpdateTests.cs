using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Tasks.TaskTestSupport;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Tasks;

/// <summary>UpdateTask against the real service: the update_mask rules, re-validation, etags and the state guard.</summary>
public abstract class TaskUpdateTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task Only_the_masked_fields_change_and_the_version_and_update_time_move()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var changes = new TaskMessage
        {
            Name = created.Name,
            Title = created.Title + " (điều chỉnh)",
            Budget = new Budget { StateBudgetVnd = 900_000_000, OtherSourcesVnd = 1 },
            Subject = "not in the mask",
        };

        var updated = await UpdateAsync(changes, "title", "budget.state_budget_vnd");

        var expected = created.Clone();
        expected.Title = created.Title + " (điều chỉnh)";
        expected.Budget = new Budget { StateBudgetVnd = 900_000_000, OtherSourcesVnd = 300_000_000, TotalVnd = 1_200_000_000 };
        expected.Etag = "\"2\"";
        expected.UpdateTime = updated.UpdateTime;
        Assert.Equal(expected, updated);
        Assert.True(updated.UpdateTime.ToDateTime() >= created.UpdateTime.ToDateTime());
        Assert.Equal(updated, await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
    }

    [Fact]
    public async Task An_update_records_an_updated_event_listing_the_masked_paths()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var updated = await UpdateAsync(new TaskMessage { Name = created.Name, Subject = "chè Shan tuyết", Field = ResearchField.Industry }, "subject", "field");

        var events = await EventsAsync(Client, created.Name);
        Assert.Equal([EventType.Created, EventType.Updated], events.Select(e => e.Type));
        var entry = events[1];
        Assert.Equal(["field", "subject"], entry.ChangedFields.Paths.Order(StringComparer.Ordinal));
        Assert.Equal((State.Proposed, State.Proposed), (entry.PreviousState, entry.NewState));
        Assert.Equal(updated, entry.TaskSnapshot);
        Assert.Equal(updated.UpdateTime, entry.RecordTime);
    }

    [Fact]
    public async Task The_wildcard_replaces_every_writable_field_but_keeps_the_code()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var replacement = new TaskMessage
        {
            Name = created.Name,
            Code = "IGNORED/1",
            Title = "Ứng dụng công nghệ sinh học nhân giống chè",
            Kind = TaskKind.PilotProductionProject,
            Level = TaskLevel.National,
            ProvinceCode = "20",
            HostOrganisation = new Organisation { DisplayName = "Viện Khoa học Kỹ thuật Nông Lâm nghiệp miền núi phía Bắc" },
            StartDate = Day(2020, 1, 1),
        };

        var updated = await UpdateAsync(replacement, "*");

        var expected = replacement.Clone();
        expected.Code = created.Code;
        expected.Budget = new Budget();
        expected.State = State.Proposed;
        expected.Etag = "\"2\"";
        expected.CreateTime = created.CreateTime;
        expected.UpdateTime = updated.UpdateTime;
        Assert.Equal(expected, updated);
    }

    [Fact]
    public async Task A_sub_path_changes_only_that_part_of_a_message_field()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var updated = await UpdateAsync(
            new TaskMessage { Name = created.Name, HostOrganisation = new Organisation { Address = "Phường Tân Phong, Lai Châu" } },
            "host_organisation.address");

        Assert.Equal(
            new Organisation { DisplayName = created.HostOrganisation.DisplayName, Address = "Phường Tân Phong, Lai Châu" },
            updated.HostOrganisation);
    }

    [Fact]
    public async Task A_missing_update_mask_is_refused()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.UpdateTaskAsync(new UpdateTaskRequest { Task = new TaskMessage { Name = created.Name, Title = "x" } }));

        Assert.Equal(["update_mask"], RpcErrorAssert.ViolatedFields(status));
    }

    [Theory]
    [InlineData("code")]
    [InlineData("name")]
    [InlineData("state")]
    [InlineData("acceptance_rating")]
    [InlineData("adjustment_count")]
    [InlineData("extension_count")]
    [InlineData("etag")]
    [InlineData("create_time")]
    [InlineData("update_time")]
    [InlineData("budget.total_vnd")]
    [InlineData("no_such_field")]
    public async Task A_mask_path_that_cannot_be_updated_is_refused_and_nothing_changes(string path)
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.UpdateTaskAsync(new UpdateTaskRequest
            {
                Task = new TaskMessage { Name = created.Name, Title = "Đổi tên", State = State.Accepted, Code = "X" },
                UpdateMask = new FieldMask { Paths = { "title", path } },
            }));

        Assert.Equal(["update_mask.paths[1]"], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal(created, await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
    }

    [Fact]
    public async Task The_merged_task_is_checked_by_the_create_rules()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => UpdateAsync(
            new TaskMessage { Name = created.Name, Title = "", EndDate = Day(2020, 12, 31), Budget = new Budget { OtherSourcesVnd = -3 } },
            "title", "end_date", "budget.other_sources_vnd"));

        Assert.Equal(
            new[] { "task.budget.other_sources_vnd", "task.end_date", "task.title" },
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
        Assert.Equal(created, await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Moving_the_start_date_past_the_closure_of_the_province_code_is_refused()
    {
        var input = Marked(Marker());
        input.ProvinceCode = "45";
        input.StartDate = Day(2023, 11, 29);
        input.EndDate = null;
        var created = await CreateAsync(Client, input);

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            UpdateAsync(new TaskMessage { Name = created.Name, StartDate = Day(2025, 8, 1) }, "start_date"));

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
        Assert.Equal(["task.province_code"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_changed_province_code_is_checked_and_kept_as_given()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var unknown = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            UpdateAsync(new TaskMessage { Name = created.Name, ProvinceCode = "99" }, "province_code"));
        var updated = await UpdateAsync(new TaskMessage { Name = created.Name, ProvinceCode = "45" }, "province_code");

        Assert.Equal(["task.province_code"], RpcErrorAssert.ViolatedFields(unknown));
        Assert.Equal("45", updated.ProvinceCode);
    }

    [Fact]
    public async Task The_programme_can_be_set_and_must_exist()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var programme = await AddProgrammeAsync(service);

        var missing = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            UpdateAsync(new TaskMessage { Name = created.Name, Programme = "programmes/khong-ton-tai" }, "programme"));
        var updated = await UpdateAsync(new TaskMessage { Name = created.Name, Programme = programme }, "programme");
        var cleared = await UpdateAsync(new TaskMessage { Name = created.Name }, "programme");

        Assert.Equal(["task.programme"], RpcErrorAssert.ViolatedFields(missing));
        Assert.Equal(programme, updated.Programme);
        Assert.Equal("", cleared.Programme);
    }

    [Fact]
    public async Task Outputs_are_replaced_as_a_whole()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var outputs = new[]
        {
            new TaskOutput { Kind = OutputKind.DemonstrationModel, Description = "Mô hình 5 ha", Delivered = true },
            new TaskOutput { Kind = OutputKind.IntellectualProperty, Description = "Nhãn hiệu", Asset = "assets/nhan-hieu-1" },
        };

        var updated = await UpdateAsync(new TaskMessage { Name = created.Name, Outputs = { outputs } }, "outputs");

        Assert.Equal(outputs, updated.Outputs);
    }

    [Fact]
    public async Task A_matching_etag_is_accepted_and_a_stale_one_is_aborted()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var first = await UpdateAsync(new TaskMessage { Name = created.Name, Etag = created.Etag, Subject = "lần 1" }, "subject");

        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () =>
            UpdateAsync(new TaskMessage { Name = created.Name, Etag = created.Etag, Subject = "lần 2" }, "subject"));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(first, await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Updating_a_missing_task_is_not_found_and_a_malformed_name_is_invalid()
    {
        var name = $"tasks/{NewTaskId()}";

        var missing = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => UpdateAsync(new TaskMessage { Name = name, Subject = "x" }, "subject"));
        var malformed = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => UpdateAsync(new TaskMessage { Name = "tasks", Subject = "x" }, "subject"));
        var absent = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.UpdateTaskAsync(new UpdateTaskRequest { UpdateMask = new FieldMask { Paths = { "subject" } } }));

        Assert.Equal(name, RpcErrorAssert.ResourceName(missing));
        Assert.Equal(["task.name"], RpcErrorAssert.ViolatedFields(malformed));
        Assert.Equal(["task"], RpcErrorAssert.ViolatedFields(absent));
    }

    [Fact]
    public async Task A_selected_task_can_still_be_updated()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        await Client.SelectTaskAsync(new SelectTaskRequest { Name = created.Name, Actor = "Hội đồng tuyển chọn" });

        var updated = await UpdateAsync(new TaskMessage { Name = created.Name, PrincipalInvestigator = "Trần Thị Bình" }, "principal_investigator");

        Assert.Equal(("Trần Thị Bình", State.Selected), (updated.PrincipalInvestigator, updated.State));
    }

    [Fact]
    public async Task Once_started_a_task_is_changed_only_by_adjust_or_extend()
    {
        var started = await StartedAsync(Client, Marked(Marker()));

        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            UpdateAsync(new TaskMessage { Name = started.Name, Subject = "đổi chủ đề" }, "subject"));

        Assert.Equal(State.InProgress, started.State);
        Assert.Equal("TASK_STARTED", RpcErrorAssert.Reason(status));
        Assert.Contains("IN_PROGRESS", status.Message);
        Assert.Equal(started, await Client.GetTaskAsync(new GetTaskRequest { Name = started.Name }));
    }

    private async Task<TaskMessage> UpdateAsync(TaskMessage task, params string[] paths) =>
        await Client.UpdateTaskAsync(new UpdateTaskRequest { Task = task, UpdateMask = new FieldMask { Paths = { paths } } });
}

public sealed class TaskUpdateTestsOnSqlite(SqliteTasksService service) : TaskUpdateTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskUpdateTestsOnPostgreSql(PostgreSqlTasksService service) : TaskUpdateTests(service), IClassFixture<PostgreSqlTasksService>;
