using Grpc.Core;
using Khcn.Tasks.V1;
using static Khcn.Services.Tests.Security.ProvinceWriteRecords;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// Writes to tasks are limited to the provinces in the caller's khcn_provinces claim, with merger lineage; the
/// Ministry (with tasks.write) writes every province and the national programmes nobody else may write.
/// </summary>
[Collection(ProvinceWriteCollection.Name)]
public sealed class ProvinceWriteTaskTests(ProvinceWriteSuite suite)
{
    private TasksService.TasksServiceClient Tasks => suite.Tasks;

    [Fact]
    public async Task ProvinceCreatingAnotherProvincesTask_IsRefused_AndNothingIsWritten()
    {
        var marker = Marker();
        var taskId = $"pw-{marker}";

        var info = await RefusedAsync(() => Tasks.CreateTaskAsync(
            new CreateTaskRequest { TaskId = taskId, Task = Topic("12", marker) }, suite.Province("20")));

        Assert.Equal("PROVINCE_NOT_GRANTED", info.Type);
        Assert.Equal("12", info.Metadata["province_code"]);
        Assert.Equal("tasks.khcn.gov.vn/Task", info.Metadata["resource"]);
        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            Tasks.GetTaskAsync(new GetTaskRequest { Name = $"tasks/{taskId}" }, suite.MinistryReader).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task ProvinceChangingAnotherProvincesTask_IsRefused_AndTheTaskIsUnchanged()
    {
        var marker = Marker();
        var task = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("12", marker) }, suite.Province("12"));

        var info = await RefusedAsync(() => Tasks.UpdateTaskAsync(
            new UpdateTaskRequest { Task = new Khcn.Tasks.V1.Task { Name = task.Name, Title = "Đổi bởi tỉnh khác" }, UpdateMask = Mask("title") },
            suite.Province("20")));

        Assert.Equal("PROVINCE_NOT_GRANTED", info.Type);
        Assert.Equal("12", info.Metadata["province_code"]);
        Assert.Equal(task.Name, info.Metadata["resource"]);
        var stored = await Tasks.GetTaskAsync(new GetTaskRequest { Name = task.Name }, suite.MinistryReader);
        Assert.Equal(task.Title, stored.Title);
        Assert.Equal(task.Etag, stored.Etag);
    }

    [Fact]
    public async Task ProvinceMovingALifecycleOrDeletingAnotherProvincesTask_IsRefused()
    {
        var task = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("12", Marker()) }, suite.Province("12"));

        var select = await RefusedAsync(() => Tasks.SelectTaskAsync(
            new SelectTaskRequest { Name = task.Name, Actor = "Hội đồng tuyển chọn" }, suite.Province("20")));
        var delete = await RefusedAsync(() => Tasks.DeleteTaskAsync(new DeleteTaskRequest { Name = task.Name }, suite.Province("20")));

        Assert.Equal("PROVINCE_NOT_GRANTED", select.Type);
        Assert.Equal("PROVINCE_NOT_GRANTED", delete.Type);
        var stored = await Tasks.GetTaskAsync(new GetTaskRequest { Name = task.Name }, suite.MinistryReader);
        Assert.Equal(Khcn.Tasks.V1.Task.Types.State.Proposed, stored.State);
    }

    [Fact]
    public async Task ProvinceWritesItsOwnTask()
    {
        var own = suite.Province("12");
        var task = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("12", Marker()) }, own);

        var renamed = await Tasks.UpdateTaskAsync(
            new UpdateTaskRequest { Task = new Khcn.Tasks.V1.Task { Name = task.Name, Title = "Tên mới" }, UpdateMask = Mask("title") }, own);
        var selected = await Tasks.SelectTaskAsync(new SelectTaskRequest { Name = task.Name, Actor = "Hội đồng tuyển chọn" }, own);

        Assert.Equal("12", task.ProvinceCode);
        Assert.Equal("Tên mới", renamed.Title);
        Assert.Equal(Khcn.Tasks.V1.Task.Types.State.Selected, selected.State);
    }

    [Fact]
    public async Task GrantOfTheMergedProvince_WritesUnderItsHistoricalCode()
    {
        // Quảng Trị's 45 was folded into today's 44 on 1 July 2025; a 2023 task keeps the code of its time.
        var task = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("45", Marker()) }, suite.Province("44"));

        var selected = await Tasks.SelectTaskAsync(new SelectTaskRequest { Name = task.Name, Actor = "Hội đồng tuyển chọn" }, suite.Province("44"));

        Assert.Equal("45", task.ProvinceCode);
        Assert.Equal(Khcn.Tasks.V1.Task.Types.State.Selected, selected.State);
    }

    [Fact]
    public async Task GrantOfOnlyTheClosedCode_CoversItsSuccessorToo()
    {
        // The documented choice: a grant is expanded to its code's whole lineage, as the catalog gives it (45 → 44, 45).
        var task = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("44", Marker()) }, suite.Province("45"));

        Assert.Equal("44", task.ProvinceCode);
    }

    [Fact]
    public async Task LineageDoesNotReachUnrelatedProvinces()
    {
        var info = await RefusedAsync(() => Tasks.CreateTaskAsync(
            new CreateTaskRequest { Task = Topic("20", Marker()) }, suite.Province("44")));

        Assert.Equal("20", info.Metadata["province_code"]);
    }

    [Fact]
    public async Task MovingATaskToAForeignProvince_IsRefused_AndTheTaskStays()
    {
        var own = suite.Province("12");
        var task = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("12", Marker()) }, own);

        var info = await RefusedAsync(() => Tasks.UpdateTaskAsync(
            new UpdateTaskRequest { Task = new Khcn.Tasks.V1.Task { Name = task.Name, ProvinceCode = "20" }, UpdateMask = Mask("province_code") },
            own));

        Assert.Equal("PROVINCE_NOT_GRANTED", info.Type);
        Assert.Equal("20", info.Metadata["province_code"]);
        var stored = await Tasks.GetTaskAsync(new GetTaskRequest { Name = task.Name }, suite.MinistryReader);
        Assert.Equal("12", stored.ProvinceCode);
    }

    [Fact]
    public async Task MovingATaskBetweenTwoGrantedProvinces_IsAccepted()
    {
        var both = suite.Province("12", "20");
        var task = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("12", Marker()) }, both);

        var moved = await Tasks.UpdateTaskAsync(
            new UpdateTaskRequest { Task = new Khcn.Tasks.V1.Task { Name = task.Name, ProvinceCode = "20" }, UpdateMask = Mask("province_code") },
            both);

        Assert.Equal("20", moved.ProvinceCode);
    }

    [Fact]
    public async Task ReplayingAnotherProvincesCreate_IsRefused()
    {
        var requestId = Guid.NewGuid().ToString();
        var marker = Marker();
        var first = await Tasks.CreateTaskAsync(new CreateTaskRequest { RequestId = requestId, Task = Topic("12", marker) }, suite.Province("12"));

        // Same request_id, a body for its own province: the replay would hand back province 12's task.
        var info = await RefusedAsync(() => Tasks.CreateTaskAsync(
            new CreateTaskRequest { RequestId = requestId, Task = Topic("20", marker) }, suite.Province("20")));

        Assert.Equal("PROVINCE_NOT_GRANTED", info.Type);
        Assert.Equal("12", info.Metadata["province_code"]);
        Assert.Equal(first.Name, info.Metadata["resource"]);
    }

    [Fact]
    public async Task MinistryWithTheWriteScope_WritesEveryProvince_AndReadsAll()
    {
        var marker = Marker();
        var inLaiChau = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("12", marker) }, suite.MinistryWriter);
        var inLangSon = await Tasks.CreateTaskAsync(new CreateTaskRequest { Task = Topic("20", marker + "b") }, suite.MinistryWriter);

        var listed = await Tasks.ListTasksAsync(
            new ListTasksRequest { Filter = $"code = \"PW-{marker}\" OR code = \"PW-{marker}b\"" }, suite.MinistryReader);

        Assert.Equal(
            new[] { inLaiChau.Name, inLangSon.Name }.Order(StringComparer.Ordinal),
            listed.Tasks.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NationalProgramme_NeedsTheMinistry()
    {
        var programme = new Programme
        {
            DisplayName = $"Chương trình quốc gia thử quyền ghi {Marker()}",
            Level = TaskLevel.National,
            StartYear = 2021,
            EndYear = 2025,
        };

        var info = await RefusedAsync(() => Tasks.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = programme }, suite.Province("12")));
        var created = await Tasks.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = programme }, suite.MinistryWriter);

        Assert.Equal("MINISTRY_REQUIRED", info.Type);
        Assert.Equal("", created.ProvinceCode);
        var update = await RefusedAsync(() => Tasks.UpdateProgrammeAsync(
            new UpdateProgrammeRequest { Programme = new Programme { Name = created.Name, DisplayName = "Đổi" }, UpdateMask = Mask("display_name") },
            suite.Province("12")));
        Assert.Equal("MINISTRY_REQUIRED", update.Type);
    }

    [Fact]
    public async Task ProvincialProgramme_IsWrittenByItsProvince()
    {
        var programme = await Tasks.CreateProgrammeAsync(
            new CreateProgrammeRequest
            {
                Programme = new Programme
                {
                    DisplayName = $"Chương trình tỉnh thử quyền ghi {Marker()}",
                    Level = TaskLevel.Provincial,
                    StartYear = 2021,
                    EndYear = 2025,
                    ProvinceCode = "12",
                },
            },
            suite.Province("12"));

        var info = await RefusedAsync(() => Tasks.DeleteProgrammeAsync(new DeleteProgrammeRequest { Name = programme.Name }, suite.Province("20")));

        Assert.Equal("12", info.Metadata["province_code"]);
    }

    [Fact]
    public async Task ImportingAnotherProvincesRecord_RejectsThatRecordOnly()
    {
        var marker = Marker();
        using var call = Tasks.ImportTasks(suite.Province("12"));
        await call.RequestStream.WriteAsync(new ImportTasksRequest { RequestId = Guid.NewGuid().ToString(), Task = Topic("12", marker) });
        await call.RequestStream.WriteAsync(new ImportTasksRequest { RequestId = Guid.NewGuid().ToString(), Task = Topic("20", marker + "b") });
        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal(ImportTaskResult.Types.Outcome.Created, response.Results[0].Outcome);
        Assert.Equal(ImportTaskResult.Types.Outcome.Rejected, response.Results[1].Outcome);
        Assert.Equal((int)StatusCode.PermissionDenied, response.Results[1].Error.Code);
        var listed = await Tasks.ListTasksAsync(new ListTasksRequest { Filter = $"code = \"PW-{marker}b\"" }, suite.MinistryReader);
        Assert.Empty(listed.Tasks);
    }
}
