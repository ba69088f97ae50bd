using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Programmes.TestProgrammes;

namespace Khcn.Tasks.Tests.Programmes;

/// <summary>CreateProgramme, GetProgramme, UpdateProgramme and DeleteProgramme against the real service.</summary>
public abstract class ProgrammeWriteTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task A_created_programme_keeps_every_field_and_reads_back_the_same()
    {
        var input = Provincial(Marker());
        var id = NewId();
        var before = DateTime.UtcNow.AddTicks(-10);

        var created = await CreateAsync(Client, input, id);

        var expected = input.Clone();
        expected.Name = $"programmes/{id}";
        expected.Etag = "\"1\"";
        expected.CreateTime = created.CreateTime;
        expected.UpdateTime = created.UpdateTime;
        Assert.Equal(expected, created);
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.InRange(created.CreateTime.ToDateTime(), before, DateTime.UtcNow);
        Assert.Equal(created, await Client.GetProgrammeAsync(new GetProgrammeRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Without_a_programme_id_the_service_generates_a_valid_one()
    {
        var created = await CreateAsync(Client, Provincial(Marker()));

        Assert.Matches("^programmes/[a-z][a-z0-9-]{3,62}$", created.Name);
        Assert.Equal(created, await Client.GetProgrammeAsync(new GetProgrammeRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Display_names_are_stored_in_NFC()
    {
        var input = Provincial(Marker());
        input.DisplayName = "Chương trình Quảng Trị".Normalize(System.Text.NormalizationForm.FormD) + " " + input.Code;

        var created = await CreateAsync(Client, input);

        Assert.Equal(input.DisplayName.Normalize(System.Text.NormalizationForm.FormC), created.DisplayName);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_programme_and_creates_nothing_more()
    {
        var marker = Marker();
        var requestId = Guid.NewGuid().ToString();
        var first = await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = Provincial(marker), RequestId = requestId });

        var retryInput = Provincial(marker);
        retryInput.DisplayName += " (gửi lại)";
        var retry = await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = retryInput, RequestId = requestId });

        Assert.Equal(first, retry);
        var listed = await Client.ListProgrammesAsync(new ListProgrammesRequest { Filter = $"code = \"{first.Code}\"" });
        Assert.Equal(first, Assert.Single(listed.Programmes));
    }

    [Fact]
    public async Task Create_reports_every_invalid_field_at_once()
    {
        var input = Provincial(Marker());
        input.DisplayName = " ";
        input.Level = TaskLevel.Unspecified;
        input.StartYear = 1900;
        input.EndYear = 2200;

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.CreateProgrammeAsync(
            new CreateProgrammeRequest { Programme = input, ProgrammeId = "Not_An_Id" }));

        Assert.Equal(
            ["programme.display_name", "programme.end_year", "programme.level", "programme.start_year", "programme_id"],
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_end_year_may_not_precede_the_start_year()
    {
        var input = Provincial(Marker());
        input.StartYear = 2025;
        input.EndYear = 2021;

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => CreateAsync(Client, input));

        Assert.Equal(["programme.end_year"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task Years_are_optional()
    {
        var input = Provincial(Marker());
        input.StartYear = 0;
        input.EndYear = 2025;

        var created = await CreateAsync(Client, input);

        Assert.Equal(0, created.StartYear);
        Assert.Equal(2025, created.EndYear);
    }

    [Fact]
    public async Task A_taken_code_is_refused_naming_the_programme_that_holds_it()
    {
        var holder = await CreateAsync(Client, Provincial(Marker()));
        var second = Provincial(Marker());
        second.Code = holder.Code;

        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () => CreateAsync(Client, second));

        Assert.Equal("DUPLICATE_PROGRAMME_CODE", RpcErrorAssert.Reason(status));
        Assert.Equal(holder.Name, RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task Programmes_without_a_code_do_not_collide()
    {
        var first = Provincial(Marker());
        first.Code = "";
        var second = Provincial(Marker());
        second.Code = "";

        var a = await CreateAsync(Client, first);
        var b = await CreateAsync(Client, second);

        Assert.NotEqual(a.Name, b.Name);
        Assert.Equal("", b.Code);
    }

    [Fact]
    public async Task A_taken_id_is_refused()
    {
        var id = NewId();
        await CreateAsync(Client, Provincial(Marker()), id);

        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () => CreateAsync(Client, Provincial(Marker()), id));

        Assert.Equal($"programmes/{id}", RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task A_closed_province_code_is_accepted_for_a_programme_that_began_while_it_was_in_use_and_kept_as_given()
    {
        var input = Provincial(Marker());
        input.ProvinceCode = "45"; // Quảng Trị before the 2025-07-01 merger
        input.StartYear = 2021;

        var created = await CreateAsync(Client, input);

        Assert.Equal("45", created.ProvinceCode);
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(0)] // unknown first year: checked on today, after the merger
    public async Task A_province_code_closed_before_the_first_year_is_refused_naming_its_successor(int startYear)
    {
        var input = Provincial(Marker());
        input.ProvinceCode = "45";
        input.StartYear = startYear;
        input.EndYear = 0;

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => CreateAsync(Client, input));

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
        Assert.Equal(["programme.province_code"], RpcErrorAssert.ViolatedFields(status));
        Assert.Contains("44 (Quảng Trị)", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_province_code_is_refused()
    {
        var input = Provincial(Marker());
        input.ProvinceCode = "99";

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => CreateAsync(Client, input));

        Assert.Equal("PROVINCE_NOT_FOUND", RpcErrorAssert.Reason(status));
        Assert.Equal(["programme.province_code"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_national_programme_needs_no_province_code()
    {
        var input = Provincial(Marker());
        input.Level = TaskLevel.National;
        input.ProvinceCode = "";

        var created = await CreateAsync(Client, input);

        Assert.Equal("", created.ProvinceCode);
    }

    [Fact]
    public async Task An_update_changes_only_the_masked_fields_and_moves_the_etag()
    {
        var created = await CreateAsync(Client, Provincial(Marker()));
        var change = created.Clone();
        change.DisplayName = created.DisplayName + " (điều chỉnh)";
        change.ManagingBody = "not in the mask";
        change.EndYear = 2030;

        var updated = await Client.UpdateProgrammeAsync(new UpdateProgrammeRequest
        {
            Programme = change,
            UpdateMask = new FieldMask { Paths = { "display_name", "end_year" } },
        });

        var expected = created.Clone();
        expected.DisplayName = change.DisplayName;
        expected.EndYear = 2030;
        expected.Etag = "\"2\"";
        expected.UpdateTime = updated.UpdateTime;
        Assert.Equal(expected, updated);
        Assert.True(updated.UpdateTime.ToDateTime() >= created.UpdateTime.ToDateTime());
        Assert.Equal(updated, await Client.GetProgrammeAsync(new GetProgrammeRequest { Name = created.Name }));
    }

    [Fact]
    public async Task An_update_keeps_the_folded_name_in_step_for_filters()
    {
        var marker = Marker();
        var created = await CreateAsync(Client, Provincial(marker));
        var change = created.Clone();
        change.DisplayName = $"Đề án phát triển sâm Lai Châu {marker}";

        await Client.UpdateProgrammeAsync(new UpdateProgrammeRequest { Programme = change, UpdateMask = new FieldMask { Paths = { "display_name" } } });

        var found = await Client.ListProgrammesAsync(new ListProgrammesRequest { Filter = $"display_name:\"DE AN PHAT TRIEN SAM LAI CHAU {marker}\"" });
        Assert.Equal(created.Name, Assert.Single(found.Programmes).Name);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_aborted()
    {
        var created = await CreateAsync(Client, Provincial(Marker()));
        var change = created.Clone();
        change.EndYear = 2030;
        await Client.UpdateProgrammeAsync(new UpdateProgrammeRequest { Programme = change, UpdateMask = new FieldMask { Paths = { "end_year" } } });

        change.EndYear = 2031; // still carries etag "1"
        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () => Client.UpdateProgrammeAsync(
            new UpdateProgrammeRequest { Programme = change, UpdateMask = new FieldMask { Paths = { "end_year" } } }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
    }

    [Theory]
    [InlineData("code")]
    [InlineData("name")]
    [InlineData("etag")]
    [InlineData("create_time")]
    public async Task Immutable_and_output_only_fields_cannot_be_updated(string path)
    {
        var created = await CreateAsync(Client, Provincial(Marker()));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateProgrammeAsync(
            new UpdateProgrammeRequest { Programme = created, UpdateMask = new FieldMask { Paths = { path } } }));

        Assert.Equal(["update_mask.paths[0]"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task An_update_needs_a_mask()
    {
        var created = await CreateAsync(Client, Provincial(Marker()));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateProgrammeAsync(
            new UpdateProgrammeRequest { Programme = created }));

        Assert.Equal(["update_mask"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task An_update_is_checked_like_a_create()
    {
        var created = await CreateAsync(Client, Provincial(Marker()));
        var change = created.Clone();
        change.DisplayName = "";
        change.StartYear = 2030; // after end_year 2025

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateProgrammeAsync(
            new UpdateProgrammeRequest { Programme = change, UpdateMask = new FieldMask { Paths = { "display_name", "start_year" } } }));

        Assert.Equal(["programme.display_name", "programme.end_year"], RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Moving_the_first_year_past_the_closure_of_the_province_code_is_refused()
    {
        var input = Provincial(Marker());
        input.ProvinceCode = "45";
        input.StartYear = 2021;
        input.EndYear = 0;
        var created = await CreateAsync(Client, input);
        var change = created.Clone();
        change.StartYear = 2026;

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateProgrammeAsync(
            new UpdateProgrammeRequest { Programme = change, UpdateMask = new FieldMask { Paths = { "start_year" } } }));

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task Updating_an_unknown_programme_is_not_found()
    {
        var ghost = Provincial(Marker());
        ghost.Name = $"programmes/{NewId()}";

        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.UpdateProgrammeAsync(
            new UpdateProgrammeRequest { Programme = ghost, UpdateMask = new FieldMask { Paths = { "end_year" } } }));

        Assert.Equal(ghost.Name, RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task Getting_an_unknown_programme_is_not_found_and_a_malformed_name_is_invalid()
    {
        var name = $"programmes/{NewId()}";

        var missing = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetProgrammeAsync(new GetProgrammeRequest { Name = name }));
        var malformed = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.GetProgrammeAsync(new GetProgrammeRequest { Name = "tasks/x" }));

        Assert.Equal(name, RpcErrorAssert.ResourceName(missing));
        Assert.Equal(["name"], RpcErrorAssert.ViolatedFields(malformed));
    }

    [Fact]
    public async Task A_deleted_programme_is_gone()
    {
        var created = await CreateAsync(Client, Provincial(Marker()));

        await Client.DeleteProgrammeAsync(new DeleteProgrammeRequest { Name = created.Name, Etag = created.Etag });

        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetProgrammeAsync(new GetProgrammeRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_delete_with_a_stale_etag_is_aborted_and_keeps_the_programme()
    {
        var created = await CreateAsync(Client, Provincial(Marker()));
        var change = created.Clone();
        change.EndYear = 2030;
        await Client.UpdateProgrammeAsync(new UpdateProgrammeRequest { Programme = change, UpdateMask = new FieldMask { Paths = { "end_year" } } });

        await RpcErrorAssert.FailsWith(StatusCode.Aborted, () => Client.DeleteProgrammeAsync(
            new DeleteProgrammeRequest { Name = created.Name, Etag = created.Etag }));

        Assert.Equal(2030, (await Client.GetProgrammeAsync(new GetProgrammeRequest { Name = created.Name })).EndYear);
    }

    [Fact]
    public async Task A_programme_cannot_be_deleted_while_a_task_belongs_to_it()
    {
        var programme = await CreateAsync(Client, Provincial(Marker()));
        var task = Marked(Marker());
        task.Programme = programme.Name;
        var created = await TestTasks.CreateAsync(Client, task);

        var refused = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () => Client.DeleteProgrammeAsync(
            new DeleteProgrammeRequest { Name = programme.Name }));
        Assert.Equal("PROGRAMME_IN_USE", RpcErrorAssert.Reason(refused));
        Assert.Equal(programme.Name, RpcErrorAssert.ResourceName(refused));
        Assert.Equal(programme, await Client.GetProgrammeAsync(new GetProgrammeRequest { Name = programme.Name }));

        // Once the task is gone, so may the programme be.
        await Client.DeleteTaskAsync(new DeleteTaskRequest { Name = created.Name });
        await Client.DeleteProgrammeAsync(new DeleteProgrammeRequest { Name = programme.Name });
        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetProgrammeAsync(new GetProgrammeRequest { Name = programme.Name }));
    }
}

public sealed class ProgrammeWriteTestsOnSqlite(SqliteTasksService fixture) : ProgrammeWriteTests(fixture), IClassFixture<SqliteTasksService>;

public sealed class ProgrammeWriteTestsOnPostgreSql(PostgreSqlTasksService fixture) : ProgrammeWriteTests(fixture), IClassFixture<PostgreSqlTasksService>;
