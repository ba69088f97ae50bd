using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.Tests.Lifecycle;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.History;

/// <summary>ListTaskEvents against the real service: one task's history or every task's, filtered, ordered, paged.</summary>
public abstract class TaskEventApiTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task ATasksEventsAreNamedUnderItAndListedInRecordOrder()
    {
        var task = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.InProgress);

        var response = await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = task.Name });

        Assert.Equal(5, response.TotalSize);
        Assert.Empty(response.NextPageToken);
        Assert.Equal(
            [EventType.Created, EventType.Selected, EventType.Approved, EventType.Contracted, EventType.Started],
            response.TaskEvents.Select(e => e.Type));
        Assert.Equal(response.TaskEvents.Select(e => e.RecordTime).Order(), response.TaskEvents.Select(e => e.RecordTime));
        Assert.All(response.TaskEvents, e =>
        {
            Assert.Matches($"^{task.Name}/events/[1-9][0-9]*$", e.Name);
            Assert.Equal(task.Name, e.TaskSnapshot.Name);
        });
        Assert.Equal(task, response.TaskEvents[^1].TaskSnapshot);
    }

    [Fact]
    public async Task ATaskThatNeverExistedIsNotFoundAndAMalformedParentIsInvalid()
    {
        var missing = await RpcErrorAssert.FailsWith(
            StatusCode.NotFound, () => Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = "tasks/no-such-task-ever" }));
        var malformed = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = "programmes/abc" }));
        var empty = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListTaskEventsAsync(new ListTaskEventsRequest()));

        Assert.Equal("tasks/no-such-task-ever", RpcErrorAssert.ResourceName(missing));
        Assert.Equal(["parent"], RpcErrorAssert.ViolatedFields(malformed));
        Assert.Equal(["parent"], RpcErrorAssert.ViolatedFields(empty));
    }

    [Fact]
    public async Task TheHistoryOfADeletedTaskStaysListableUnderItsName()
    {
        var created = await TestTasks.CreateAsync(Client);
        await Client.DeleteTaskAsync(new DeleteTaskRequest { Name = created.Name, Etag = created.Etag });

        var events = (await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = created.Name })).TaskEvents;

        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
        Assert.Equal([EventType.Created, EventType.Deleted], events.Select(e => e.Type));
        Assert.Equal(created.Name, events[1].TaskSnapshot.Name);
        Assert.Equal(State.Proposed, events[1].PreviousState);
    }

    [Fact]
    public async Task TheWildcardParentListsTheEventsOfEveryTask()
    {
        var actor = $"Hội đồng {Guid.NewGuid():N}";
        var first = await TestTasks.CreateAsync(Client);
        var second = await TestTasks.CreateAsync(Client);
        await Client.SelectTaskAsync(new SelectTaskRequest { Name = first.Name, Actor = actor });
        await Client.SelectTaskAsync(new SelectTaskRequest { Name = second.Name, Actor = actor });
        await Client.ApproveTaskAsync(new ApproveTaskRequest { Name = first.Name, Actor = actor });

        var response = await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = "tasks/-", Filter = $"actor = \"{actor}\"" });

        Assert.Equal(3, response.TotalSize);
        Assert.Equal(
            [(first.Name, EventType.Selected), (second.Name, EventType.Selected), (first.Name, EventType.Approved)],
            response.TaskEvents.Select(e => (e.TaskSnapshot.Name, e.Type)));
        Assert.All(response.TaskEvents, e => Assert.StartsWith($"{e.TaskSnapshot.Name}/events/", e.Name));
    }

    [Fact]
    public async Task EventsFilterByTypeAndByEventTime()
    {
        var task = await TestTasks.CreateAsync(Client);
        await Client.SelectTaskAsync(new SelectTaskRequest { Name = task.Name, Actor = "Hội đồng", EventTime = Day(2020, 11, 2) });
        await Client.ApproveTaskAsync(new ApproveTaskRequest { Name = task.Name, Actor = "UBND tỉnh", EventTime = Day(2020, 12, 15) });
        await Client.ContractTaskAsync(new ContractTaskRequest { Name = task.Name, Actor = "Sở KH&CN", EventTime = Day(2021, 2, 1) });

        var approvals = await ListAsync(task.Name, "type = APPROVED");
        var in2020 = await ListAsync(task.Name, "event_time >= \"2020-01-01T00:00:00Z\" AND event_time < \"2021-01-01T00:00:00Z\"");
        var stateChangesNotCreation = await ListAsync(task.Name, "type != CREATED AND actor = \"Sở KH&CN\"");

        Assert.Equal(["UBND tỉnh"], approvals.Select(e => e.Actor));
        Assert.Equal([EventType.Selected, EventType.Approved], in2020.Select(e => e.Type));
        Assert.Equal([EventType.Contracted], stateChangesNotCreation.Select(e => e.Type));
    }

    [Fact]
    public async Task EventsFilterByRecordTime()
    {
        var task = await TestTasks.CreateAsync(Client);
        var selected = await LifecycleCalls.Call(Client, "SelectTask", task.Name);
        await LifecycleCalls.Call(Client, "ApproveTask", task.Name);
        var since = selected.UpdateTime.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

        var fromSelection = await ListAsync(task.Name, $"record_time >= \"{since}\"");

        Assert.Equal([EventType.Selected, EventType.Approved], fromSelection.Select(e => e.Type));
    }

    [Fact]
    public async Task EventsOrderByEventTimeWhenAsked()
    {
        var task = await TestTasks.CreateAsync(Client);
        // Recorded late: the contract was signed before the approval was entered.
        await Client.SelectTaskAsync(new SelectTaskRequest { Name = task.Name, Actor = "Hội đồng", EventTime = Day(2020, 11, 2) });
        await Client.ApproveTaskAsync(new ApproveTaskRequest { Name = task.Name, Actor = "UBND tỉnh", EventTime = Day(2021, 3, 1) });
        await Client.ContractTaskAsync(new ContractTaskRequest { Name = task.Name, Actor = "Sở KH&CN", EventTime = Day(2021, 2, 1) });

        var byEventTime = (await Client.ListTaskEventsAsync(new ListTaskEventsRequest
        {
            Parent = task.Name, Filter = "type != CREATED", OrderBy = "event_time",
        })).TaskEvents;
        var newestFirst = (await Client.ListTaskEventsAsync(new ListTaskEventsRequest
        {
            Parent = task.Name, Filter = "type != CREATED", OrderBy = "event_time desc",
        })).TaskEvents;

        Assert.Equal([EventType.Selected, EventType.Contracted, EventType.Approved], byEventTime.Select(e => e.Type));
        Assert.Equal([EventType.Approved, EventType.Contracted, EventType.Selected], newestFirst.Select(e => e.Type));
    }

    [Fact]
    public async Task PagesCoverTheHistoryOnceAndTokensAreBoundToTheRequest()
    {
        var task = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.Accepted);
        var all = (await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = task.Name })).TaskEvents;

        var pages = await PageWalk.AllPagesAsync(
            async token => await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = task.Name, PageSize = 2, PageToken = token }),
            page => page.NextPageToken);

        Assert.All(pages, page => Assert.Equal(all.Count, page.TotalSize));
        Assert.All(pages, page => Assert.True(page.TaskEvents.Count <= 2));
        Assert.Equal(6, all.Count);
        Assert.Equal(3, pages.Count);
        Assert.Equal(all, pages.SelectMany(page => page.TaskEvents));

        var firstPage = await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = task.Name, PageSize = 2 });
        var other = await TestTasks.CreateAsync(Client);
        var replayed = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ListTaskEventsAsync(new ListTaskEventsRequest
        {
            Parent = other.Name, PageSize = 2, PageToken = firstPage.NextPageToken,
        }));
        Assert.Equal(["page_token"], RpcErrorAssert.ViolatedFields(replayed));
    }

    [Fact]
    public async Task AnUnknownFilterOrOrderFieldIsInvalid()
    {
        var task = await TestTasks.CreateAsync(Client);

        var filter = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = task.Name, Filter = "reason = \"x\"" }));
        var order = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = task.Name, OrderBy = "actor" }));

        Assert.Equal(["filter"], RpcErrorAssert.ViolatedFields(filter));
        Assert.Equal(["order_by"], RpcErrorAssert.ViolatedFields(order));
    }

    private async Task<IReadOnlyList<TaskEvent>> ListAsync(string parent, string filter) =>
        (await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = parent, Filter = filter })).TaskEvents;

    private static Timestamp Day(int year, int month, int day) =>
        Timestamp.FromDateTime(new DateTime(year, month, day, 2, 0, 0, DateTimeKind.Utc));
}

public sealed class TaskEventApiTestsOnSqlite(SqliteTasksService service)
    : TaskEventApiTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskEventApiTestsOnPostgreSql(PostgreSqlTasksService service)
    : TaskEventApiTests(service), IClassFixture<PostgreSqlTasksService>;
