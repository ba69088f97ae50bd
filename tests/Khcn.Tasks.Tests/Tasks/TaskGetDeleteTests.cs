using Grpc.Core;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Tasks.TaskTestSupport;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Tests.Tasks;

/// <summary>GetTask and DeleteTask against the real service.</summary>
public abstract class TaskGetDeleteTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task Getting_a_missing_task_is_not_found_naming_it()
    {
        var name = $"tasks/{NewTaskId()}";

        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetTaskAsync(new GetTaskRequest { Name = name }));

        Assert.Equal("TASK_NOT_FOUND", RpcErrorAssert.Reason(status));
        Assert.Equal(name, RpcErrorAssert.ResourceName(status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("programmes/abcd")]
    [InlineData("tasks/abcd/events/1")]
    [InlineData("tasks/ĐT-01")]
    public async Task Getting_by_a_malformed_name_is_an_invalid_argument_on_name(string name)
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.GetTaskAsync(new GetTaskRequest { Name = name }));

        Assert.Equal(["name"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task Deleting_a_proposed_task_removes_it_and_records_a_deleted_event_with_its_last_snapshot()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        await Client.DeleteTaskAsync(new DeleteTaskRequest { Name = created.Name, Etag = created.Etag });

        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
        var events = await EventsAsync(Client, created.Name);
        Assert.Equal([EventType.Created, EventType.Deleted], events.Select(e => e.Type));
        var deleted = events[1];
        // A deleted task has no state after the event.
        Assert.Equal((State.Proposed, State.Unspecified), (deleted.PreviousState, deleted.NewState));
        Assert.Equal(created, deleted.TaskSnapshot);
    }

    [Fact]
    public async Task A_deleted_task_frees_its_code()
    {
        var marker = Marker();
        var first = await CreateAsync(Client, Marked(marker));
        await Client.DeleteTaskAsync(new DeleteTaskRequest { Name = first.Name });

        var second = await CreateAsync(Client, Marked(marker));

        Assert.Equal(first.Code, second.Code);
        Assert.Equal([second.Name], await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Deleting_with_a_stale_etag_is_aborted_and_keeps_the_task()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        await Client.UpdateTaskAsync(new UpdateTaskRequest
        {
            Task = new V1.Task { Name = created.Name, Subject = "khoai sọ" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "subject" } },
        });

        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () =>
            Client.DeleteTaskAsync(new DeleteTaskRequest { Name = created.Name, Etag = created.Etag }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal("khoai sọ", (await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name })).Subject);
    }

    [Fact]
    public async Task A_task_past_proposed_cannot_be_deleted_and_the_error_names_its_state()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        await Client.SelectTaskAsync(new SelectTaskRequest { Name = created.Name, Actor = "Hội đồng tuyển chọn" });

        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            Client.DeleteTaskAsync(new DeleteTaskRequest { Name = created.Name }));

        Assert.Equal("TASK_NOT_DELETABLE", RpcErrorAssert.Reason(status));
        Assert.Contains("SELECTED", status.Message);
        Assert.Equal(State.Selected, (await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name })).State);
    }

    [Fact]
    public async Task Deleting_a_missing_task_is_not_found()
    {
        var name = $"tasks/{NewTaskId()}";

        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.DeleteTaskAsync(new DeleteTaskRequest { Name = name }));

        Assert.Equal(name, RpcErrorAssert.ResourceName(status));
    }
}

public sealed class TaskGetDeleteTestsOnSqlite(SqliteTasksService service) : TaskGetDeleteTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskGetDeleteTestsOnPostgreSql(PostgreSqlTasksService service) : TaskGetDeleteTests(service), IClassFixture<PostgreSqlTasksService>;
