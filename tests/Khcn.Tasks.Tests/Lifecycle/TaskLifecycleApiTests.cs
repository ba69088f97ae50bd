using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Lifecycle;

/// <summary>The lifecycle methods against the real service: moves, refusals, and the one history event each writes.</summary>
public abstract class TaskLifecycleApiTests(TasksServiceFixture service)
{
    private static readonly Timestamp SelectedOn = Timestamp.FromDateTime(new DateTime(2020, 11, 2, 3, 0, 0, DateTimeKind.Utc));
    private static readonly Timestamp AcceptedOn = Timestamp.FromDateTime(new DateTime(2023, 4, 20, 2, 30, 0, DateTimeKind.Utc));

    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task TheWholeLifecycleIsRecordedStepByStepWithWhoWhenWhyAndTheDocument()
    {
        var created = await TestTasks.CreateAsync(Client);
        var name = created.Name;

        var selected = await Client.SelectTaskAsync(new SelectTaskRequest
        {
            Name = name, Etag = created.Etag, Actor = "Hội đồng tuyển chọn", EventTime = SelectedOn, Reason = "điểm cao nhất",
            DocumentReference = "BB 12/HĐ-SKHCN",
        });
        var approved = await Client.ApproveTaskAsync(new ApproveTaskRequest
        {
            Name = name, Etag = selected.Etag, Actor = "UBND tỉnh Lai Châu", DocumentReference = "527/QĐ-UBND",
        });
        var contracted = await Client.ContractTaskAsync(new ContractTaskRequest
        {
            Name = name, Actor = "Sở KH&CN Lai Châu", DocumentReference = "HĐ 05/2021/HĐ-KHCN",
        });
        var started = await Client.StartTaskAsync(new StartTaskRequest { Name = name, Actor = "Chủ nhiệm nhiệm vụ" });
        var adjusted = await Client.AdjustTaskAsync(new AdjustTaskRequest
        {
            Name = name,
            Actor = "Sở KH&CN Lai Châu",
            Reason = "bổ sung kinh phí đối ứng",
            DocumentReference = "QĐ 88/QĐ-SKHCN",
            Task = new TaskMessage { Budget = new Budget { StateBudgetVnd = 1_200_000_000, OtherSourcesVnd = 500_000_000 } },
            AdjustMask = new FieldMask { Paths = { "budget" } },
        });
        var extended = await Client.ExtendTaskAsync(new ExtendTaskRequest
        {
            Name = name,
            Actor = "Sở KH&CN Lai Châu",
            Reason = "mất mùa do rét hại",
            DocumentReference = "QĐ 120/QĐ-SKHCN",
            NewEndDate = new Google.Type.Date { Year = 2023, Month = 6, Day = 30 },
        });
        var accepted = await Client.AcceptTaskAsync(new AcceptTaskRequest
        {
            Name = name, Actor = "Hội đồng nghiệm thu", EventTime = AcceptedOn, Rating = AcceptanceRating.Excellent,
            Reason = "vượt chỉ tiêu", DocumentReference = "BB 45/NT",
        });
        var replicated = await Client.ReplicateTaskAsync(new ReplicateTaskRequest
        {
            Name = name, Etag = accepted.Etag, Actor = "UBND huyện Tam Đường",
            Adopters = { "Hợp tác xã Nậm Khao", "xã Bản Bo" }, DocumentReference = "KH 10/KH-UBND",
        });

        TaskMessage[] steps = [created, selected, approved, contracted, started, adjusted, extended, accepted, replicated];
        Assert.Equal(
            [State.Proposed, State.Selected, State.Approved, State.Contracted, State.InProgress, State.InProgress,
             State.InProgress, State.Accepted, State.Replicated],
            steps.Select(t => t.State));
        Assert.Equal(steps.Select((_, i) => $"\"{i + 1}\""), steps.Select(t => t.Etag));
        Assert.Equal(AcceptanceRating.Excellent, replicated.AcceptanceRating);
        Assert.Equal(1, replicated.AdjustmentCount);
        Assert.Equal(1, replicated.ExtensionCount);
        Assert.Equal(1_700_000_000, replicated.Budget.TotalVnd);
        Assert.Equal(new Google.Type.Date { Year = 2023, Month = 6, Day = 30 }, replicated.EndDate);
        Assert.Equal(replicated, await Client.GetTaskAsync(new GetTaskRequest { Name = name }));

        var events = await EventsOfAsync(name);
        Assert.Equal(
            [EventType.Created, EventType.Selected, EventType.Approved, EventType.Contracted, EventType.Started,
             EventType.Adjusted, EventType.Extended, EventType.Accepted, EventType.Replicated],
            events.Select(e => e.Type));
        Assert.Equal(steps.Select(t => t.State), events.Select(e => e.NewState));
        Assert.Equal(steps.Skip(1).Select((_, i) => steps[i].State), events.Skip(1).Select(e => e.PreviousState));
        Assert.Equal(steps, events.Select(e => e.TaskSnapshot));
        Assert.Equal(steps.Select(t => t.UpdateTime), events.Select(e => e.RecordTime));
        Assert.Equal(
            ["", "Hội đồng tuyển chọn", "UBND tỉnh Lai Châu", "Sở KH&CN Lai Châu", "Chủ nhiệm nhiệm vụ", "Sở KH&CN Lai Châu",
             "Sở KH&CN Lai Châu", "Hội đồng nghiệm thu", "UBND huyện Tam Đường"],
            events.Select(e => e.Actor));
        Assert.Equal(
            ["", "điểm cao nhất", "", "", "", "bổ sung kinh phí đối ứng", "mất mùa do rét hại", "vượt chỉ tiêu", ""],
            events.Select(e => e.Reason));
        Assert.Equal(
            ["", "BB 12/HĐ-SKHCN", "527/QĐ-UBND", "HĐ 05/2021/HĐ-KHCN", "", "QĐ 88/QĐ-SKHCN", "QĐ 120/QĐ-SKHCN", "BB 45/NT",
             "KH 10/KH-UBND"],
            events.Select(e => e.DocumentReference));
        Assert.Equal(SelectedOn, events[1].EventTime);
        Assert.Equal(AcceptedOn, events[7].EventTime);
        Assert.Equal(["state"], events[1].ChangedFields.Paths);
        Assert.Equal(["budget"], events[5].ChangedFields.Paths);
        Assert.Equal(["end_date"], events[6].ChangedFields.Paths);
        Assert.Equal(["state", "acceptance_rating"], events[7].ChangedFields.Paths);
        Assert.Equal(["Hợp tác xã Nậm Khao", "xã Bản Bo"], events[8].Adopters);
        Assert.All(events.Take(8), e => Assert.Empty(e.Adopters));
        Assert.All(events, e => Assert.StartsWith($"{name}/events/", e.Name));
        var sequences = events.Select(e => long.Parse(e.Name[$"{name}/events/".Length..], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }

    [Fact]
    public async Task AFailedEvaluationEndsTheTaskRatedFailAndNothingMovesItAgain()
    {
        var running = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.InProgress);

        var failed = await Client.FailTaskAsync(new FailTaskRequest
        {
            Name = running.Name, Etag = running.Etag, Actor = "Hội đồng nghiệm thu", Reason = "không đạt chỉ tiêu năng suất",
            DocumentReference = "BB 46/NT",
        });

        Assert.Equal(State.Failed, failed.State);
        Assert.Equal(AcceptanceRating.Fail, failed.AcceptanceRating);
        var last = (await EventsOfAsync(running.Name))[^1];
        Assert.Equal(EventType.Failed, last.Type);
        Assert.Equal(State.InProgress, last.PreviousState);
        Assert.Equal(State.Failed, last.NewState);
        Assert.Equal("không đạt chỉ tiêu năng suất", last.Reason);
        Assert.Equal("BB 46/NT", last.DocumentReference);
        Assert.Equal(["state", "acceptance_rating"], last.ChangedFields.Paths);
        foreach (var rpc in LifecycleStatement.Methods.Keys)
        {
            await AssertRefusedAsync(failed, rpc);
        }
    }

    [Theory]
    [InlineData(State.Approved)]
    [InlineData(State.Contracted)]
    [InlineData(State.InProgress)]
    public async Task TerminationStopsATaskFromApprovalOn(State from)
    {
        var task = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), from);

        var terminated = await Client.TerminateTaskAsync(new TerminateTaskRequest
        {
            Name = task.Name, Etag = task.Etag, Actor = "UBND tỉnh Lai Châu", Reason = "chủ nhiệm chuyển công tác",
            DocumentReference = "QĐ 301/QĐ-UBND",
        });

        Assert.Equal(State.Terminated, terminated.State);
        Assert.Equal(AcceptanceRating.Unspecified, terminated.AcceptanceRating);
        var last = (await EventsOfAsync(task.Name))[^1];
        Assert.Equal(EventType.Terminated, last.Type);
        Assert.Equal(from, last.PreviousState);
        Assert.Equal("chủ nhiệm chuyển công tác", last.Reason);
        Assert.Equal(terminated, last.TaskSnapshot);
    }

    [Theory]
    [InlineData(State.Proposed)]
    [InlineData(State.Selected)]
    [InlineData(State.Contracted)]
    [InlineData(State.InProgress)]
    [InlineData(State.Accepted)]
    [InlineData(State.Terminated)]
    [InlineData(State.Replicated)]
    public async Task EveryMethodTheStateDoesNotAllowIsRefusedNamingTheStateAndWritesNothing(State state)
    {
        var task = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), state);
        var refusedMethods = LifecycleStatement.Methods.Keys.Where(rpc => !LifecycleStatement.Allows(rpc, state)).ToList();

        Assert.NotEmpty(refusedMethods);
        foreach (var rpc in refusedMethods)
        {
            await AssertRefusedAsync(task, rpc);
        }
    }

    [Fact]
    public async Task AStaleEtagIsAbortedAndNothingIsWritten()
    {
        var created = await TestTasks.CreateAsync(Client);
        var selected = await LifecycleCalls.Call(Client, "SelectTask", created.Name, created.Etag);
        var eventsBefore = await EventsOfAsync(created.Name);

        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () => Client.ApproveTaskAsync(new ApproveTaskRequest
        {
            Name = created.Name, Etag = created.Etag, Actor = "UBND tỉnh Lai Châu",
        }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(selected, await Client.GetTaskAsync(new GetTaskRequest { Name = created.Name }));
        Assert.Equal(eventsBefore, await EventsOfAsync(created.Name));
    }

    [Fact]
    public async Task TheCurrentEtagWithOrWithoutQuotesIsAccepted()
    {
        var created = await TestTasks.CreateAsync(Client);

        var selected = await LifecycleCalls.Call(Client, "SelectTask", created.Name, created.Etag);
        var approved = await LifecycleCalls.Call(Client, "ApproveTask", created.Name, selected.Etag.Trim('"'));

        Assert.Equal(State.Approved, approved.State);
    }

    [Fact]
    public async Task AMissingActorAndAMissingRequiredReasonAreReportedTogether()
    {
        var running = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.InProgress);

        var fail = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.FailTaskAsync(new FailTaskRequest { Name = running.Name }));
        var terminate = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.TerminateTaskAsync(new TerminateTaskRequest { Name = running.Name, Reason = " " }));
        var extend = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ExtendTaskAsync(new ExtendTaskRequest
        {
            Name = running.Name, Actor = "Sở KH&CN", NewEndDate = new Google.Type.Date { Year = 2030, Month = 1, Day = 1 },
        }));
        var adjust = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.AdjustTaskAsync(new AdjustTaskRequest
        {
            Name = running.Name,
            Task = new TaskMessage { Subject = "mới" },
            AdjustMask = new FieldMask { Paths = { "subject" } },
        }));

        Assert.Equal(["actor", "reason"], RpcErrorAssert.ViolatedFields(fail));
        Assert.Equal(["actor", "reason"], RpcErrorAssert.ViolatedFields(terminate));
        Assert.Equal(["reason"], RpcErrorAssert.ViolatedFields(extend));
        Assert.Equal(["actor", "reason"], RpcErrorAssert.ViolatedFields(adjust));
        Assert.Equal(running, await Client.GetTaskAsync(new GetTaskRequest { Name = running.Name }));
    }

    [Fact]
    public async Task AMissingActorOrAMalformedNameIsInvalidEvenWhenTheStateWouldRefuseTheMethod()
    {
        var created = await TestTasks.CreateAsync(Client);

        var noActor = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.AcceptTaskAsync(new AcceptTaskRequest { Name = created.Name, Rating = AcceptanceRating.Pass }));
        var badName = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.SelectTaskAsync(new SelectTaskRequest { Name = "programmes/x", Actor = "ai đó" }));
        var badTime = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.SelectTaskAsync(new SelectTaskRequest
        {
            Name = created.Name, Actor = "ai đó", EventTime = new Timestamp { Seconds = 1, Nanos = -5 },
        }));

        Assert.Equal(["actor"], RpcErrorAssert.ViolatedFields(noActor));
        Assert.Equal(["name"], RpcErrorAssert.ViolatedFields(badName));
        Assert.Equal(["event_time"], RpcErrorAssert.ViolatedFields(badTime));
        Assert.Single(await EventsOfAsync(created.Name));
    }

    [Fact]
    public async Task AnUnknownTaskIsNotFound()
    {
        var status = await RpcErrorAssert.FailsWith(
            StatusCode.NotFound, () => LifecycleCalls.Call(Client, "SelectTask", "tasks/never-created-task"));

        Assert.Equal("TASK_NOT_FOUND", RpcErrorAssert.Reason(status));
        Assert.Equal("tasks/never-created-task", RpcErrorAssert.ResourceName(status));
    }

    [Theory]
    [InlineData(AcceptanceRating.Fail)]
    [InlineData(AcceptanceRating.Unspecified)]
    public async Task AcceptingWithoutExcellentOrPassIsInvalidRating(AcceptanceRating rating)
    {
        var running = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.InProgress);

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.AcceptTaskAsync(new AcceptTaskRequest
        {
            Name = running.Name, Actor = "Hội đồng nghiệm thu", Rating = rating,
        }));

        Assert.Equal("INVALID_RATING", RpcErrorAssert.Reason(status));
        Assert.Equal(["rating"], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal(running, await Client.GetTaskAsync(new GetTaskRequest { Name = running.Name }));
    }

    [Fact]
    public async Task ReplicatingNamesAtLeastOneAdopterAndNoBlankOne()
    {
        var accepted = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.Accepted);

        var none = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ReplicateTaskAsync(new ReplicateTaskRequest
        {
            Name = accepted.Name, Actor = "UBND huyện Tam Đường",
        }));
        var blank = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ReplicateTaskAsync(new ReplicateTaskRequest
        {
            Name = accepted.Name, Actor = "UBND huyện Tam Đường", Adopters = { "xã Bản Bo", "" },
        }));

        Assert.Equal(["adopters"], RpcErrorAssert.ViolatedFields(none));
        Assert.Equal(["adopters[1]"], RpcErrorAssert.ViolatedFields(blank));
        Assert.Equal(State.Accepted, (await Client.GetTaskAsync(new GetTaskRequest { Name = accepted.Name })).State);
    }

    [Fact]
    public async Task ExtendingMovesTheEndDateLaterOnlyAndCountsEachExtension()
    {
        var running = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.InProgress);

        var earlier = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Extend(running, 2022, 6, 30));
        var same = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Extend(running, 2022, 12, 31));
        var missing = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Extend(running, 0, 0, 0));
        var impossible = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Extend(running, 2023, 2, 30));
        var once = await Extend(running, 2023, 6, 30);
        var twice = await Extend(running, 2023, 12, 0);

        Assert.Equal(["new_end_date"], RpcErrorAssert.ViolatedFields(earlier));
        Assert.Equal(["new_end_date"], RpcErrorAssert.ViolatedFields(same));
        Assert.Equal(["new_end_date"], RpcErrorAssert.ViolatedFields(missing));
        Assert.Equal(["new_end_date.day"], RpcErrorAssert.ViolatedFields(impossible));
        Assert.Equal(new Google.Type.Date { Year = 2023, Month = 6, Day = 30 }, once.EndDate);
        Assert.Equal(1, once.ExtensionCount);
        Assert.Equal(new Google.Type.Date { Year = 2023, Month = 12 }, twice.EndDate);
        Assert.Equal(2, twice.ExtensionCount);
        Assert.Equal(0, twice.AdjustmentCount);
        Assert.Equal(
            [EventType.Extended, EventType.Extended],
            (await EventsOfAsync(running.Name)).Skip(5).Select(e => e.Type));
    }

    [Fact]
    public async Task AdjustingChangesOnlyTheMaskedFieldsAndCountsOnce()
    {
        var running = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.InProgress);

        // Unmasked fields of the request (an empty kind, another province, a later end date) must be ignored.
        var adjusted = await Client.AdjustTaskAsync(new AdjustTaskRequest
        {
            Name = running.Name,
            Etag = running.Etag,
            Actor = "Sở KH&CN Lai Châu",
            Reason = "thay chủ nhiệm, tăng vốn đối ứng",
            Task = new TaskMessage
            {
                Title = "Tiêu đề không được đổi",
                ProvinceCode = "01",
                PrincipalInvestigator = "Lò Thị Bình",
                HostOrganisation = new Organisation { DisplayName = "Viện Cây lương thực", Address = "Hải Dương" },
                Budget = new Budget { StateBudgetVnd = 1_000_000_000, OtherSourcesVnd = 900_000_000 },
                EndDate = new Google.Type.Date { Year = 2040, Month = 1, Day = 1 },
            },
            AdjustMask = new FieldMask { Paths = { "principal_investigator", "budget", "host_organisation" } },
        });

        var expected = running.Clone();
        expected.PrincipalInvestigator = "Lò Thị Bình";
        expected.HostOrganisation = new Organisation { DisplayName = "Viện Cây lương thực", Address = "Hải Dương" };
        expected.Budget = new Budget { StateBudgetVnd = 1_000_000_000, OtherSourcesVnd = 900_000_000, TotalVnd = 1_900_000_000 };
        expected.AdjustmentCount = 1;
        expected.Etag = adjusted.Etag;
        expected.UpdateTime = adjusted.UpdateTime;
        Assert.Equal(expected, adjusted);
        Assert.Equal("\"6\"", adjusted.Etag);
        var adjustment = (await EventsOfAsync(running.Name))[^1];
        Assert.Equal(EventType.Adjusted, adjustment.Type);
        Assert.Equal(State.InProgress, adjustment.PreviousState);
        Assert.Equal(State.InProgress, adjustment.NewState);
        Assert.Equal(["host_organisation", "principal_investigator", "budget"], adjustment.ChangedFields.Paths);
        Assert.Equal(adjusted, adjustment.TaskSnapshot);
    }

    [Fact]
    public async Task AnAdjustmentNeedsAMaskOfAdjustableFieldsAndValidValuesForThem()
    {
        var running = await LifecycleCalls.WalkToAsync(Client, await TestTasks.CreateAsync(Client), State.InProgress);

        var noMask = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Adjust(running, new TaskMessage { Subject = "x" }));
        var badPaths = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Adjust(running, new TaskMessage { Subject = "x" }, "subject", "end_date", "province_code", "state"));
        var badValues = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Adjust(
            running,
            new TaskMessage
            {
                Title = " ",
                HostOrganisation = new Organisation { Address = "Lai Châu" },
                Budget = new Budget { StateBudgetVnd = -1, OtherSourcesVnd = 5 },
                Outputs = { new TaskOutput { Kind = OutputKind.IntellectualProperty, Asset = "patents/123" } },
            },
            "title", "host_organisation", "budget", "outputs"));
        var overflow = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Adjust(
            running, new TaskMessage { Budget = new Budget { StateBudgetVnd = long.MaxValue, OtherSourcesVnd = 1 } }, "budget"));
        var noTask = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Adjust(running, null, "subject"));

        Assert.Equal(["adjust_mask"], RpcErrorAssert.ViolatedFields(noMask));
        Assert.Equal(["adjust_mask.paths[1]", "adjust_mask.paths[2]", "adjust_mask.paths[3]"], RpcErrorAssert.ViolatedFields(badPaths));
        Assert.Equal(
            ["task.title", "task.host_organisation.display_name", "task.budget.state_budget_vnd", "task.outputs[0].asset"],
            RpcErrorAssert.ViolatedFields(badValues));
        Assert.Equal(["task.budget"], RpcErrorAssert.ViolatedFields(overflow));
        Assert.Equal(["task"], RpcErrorAssert.ViolatedFields(noTask));
        Assert.Equal(running, await Client.GetTaskAsync(new GetTaskRequest { Name = running.Name }));
    }

    [Fact]
    public async Task TheEventTimeDefaultsToWhenTheRequestWasRecorded()
    {
        var created = await TestTasks.CreateAsync(Client);

        var selected = await LifecycleCalls.Call(Client, "SelectTask", created.Name);
        var approved = await Client.ApproveTaskAsync(new ApproveTaskRequest { Name = created.Name, Actor = "UBND tỉnh", EventTime = SelectedOn });

        var events = await EventsOfAsync(created.Name);
        Assert.Equal(selected.UpdateTime, events[1].RecordTime);
        Assert.Equal(events[1].RecordTime, events[1].EventTime);
        Assert.Equal(approved.UpdateTime, events[2].RecordTime);
        Assert.Equal(SelectedOn, events[2].EventTime);
    }

    private AsyncUnaryCall<TaskMessage> Extend(TaskMessage task, int year, int month, int day) =>
        Client.ExtendTaskAsync(new ExtendTaskRequest
        {
            Name = task.Name,
            Actor = "Sở KH&CN Lai Châu",
            Reason = "gia hạn",
            NewEndDate = new Google.Type.Date { Year = year, Month = month, Day = day },
        });

    private AsyncUnaryCall<TaskMessage> Adjust(TaskMessage task, TaskMessage? values, params string[] paths) =>
        Client.AdjustTaskAsync(new AdjustTaskRequest
        {
            Name = task.Name,
            Actor = "Sở KH&CN Lai Châu",
            Reason = "điều chỉnh",
            Task = values,
            AdjustMask = paths.Length == 0 ? null : new FieldMask { Paths = { paths } },
        });

    private async Task AssertRefusedAsync(TaskMessage task, string rpc)
    {
        var eventsBefore = await EventsOfAsync(task.Name);

        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () => LifecycleCalls.Call(Client, rpc, task.Name, task.Etag));

        var currentState = Khcn.Aip.ProtoEnumNames.Of(task.State);
        Assert.Equal("INVALID_STATE_TRANSITION", RpcErrorAssert.Reason(status));
        Assert.Contains(currentState, status.Message);
        Assert.Equal(task.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(task, await Client.GetTaskAsync(new GetTaskRequest { Name = task.Name }));
        Assert.Equal(eventsBefore, await EventsOfAsync(task.Name));
    }

    private async Task<IReadOnlyList<TaskEvent>> EventsOfAsync(string taskName) =>
        (await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = taskName, PageSize = 1000 })).TaskEvents;
}

public sealed class TaskLifecycleApiTestsOnSqlite(SqliteTasksService service)
    : TaskLifecycleApiTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskLifecycleApiTestsOnPostgreSql(PostgreSqlTasksService service)
    : TaskLifecycleApiTests(service), IClassFixture<PostgreSqlTasksService>;
