using Khcn.Aip;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Tests.Lifecycle;

/// <summary>
/// Every (state, verb) pair of the task lifecycle, checked against the lifecycle as the contract states it
/// (<see cref="LifecycleStatement"/>, independent of the service's table): legal pairs move to the stated target, illegal ones are refused
/// with FAILED_PRECONDITION naming the current state and leave the task untouched.
/// </summary>
public sealed class TaskLifecycleTableTests
{
    public static TheoryData<State, TaskVerb> EveryStateAndVerb()
    {
        var data = new TheoryData<State, TaskVerb>();
        foreach (var state in Enum.GetValues<State>())
        {
            foreach (var verb in Enum.GetValues<TaskVerb>())
            {
                data.Add(state, verb);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndVerb))]
    public void AVerbMovesExactlyFromTheStatesTheContractAllows(State from, TaskVerb verb)
    {
        var (sources, target) = LifecycleStatement.Methods[RpcOf(verb)];
        var task = TaskIn(from);
        var before = Observable(task);

        if (sources.Contains(from))
        {
            var change = ApplyValid(task, verb);

            Assert.Equal(target, task.State);
            Assert.Equal(from, change.PreviousState);
            Assert.Equal(target, change.NewState);
            Assert.Equal(verb, change.Verb);
            Assert.NotEmpty(change.ChangedFields);
        }
        else
        {
            var refused = Assert.Throws<ApiException>(() => ApplyValid(task, verb));

            Assert.Equal(ApiErrorCode.FailedPrecondition, refused.Code);
            Assert.Equal("INVALID_STATE_TRANSITION", refused.Reason);
            Assert.Contains(ProtoEnumNames.Of(from), refused.Message);
            Assert.Equal(ProtoEnumNames.Of(from), refused.Metadata["from_state"]);
            Assert.Equal("tasks/lifecycle-table", refused.ResourceName);
            Assert.Equal(before, Observable(task));
        }
    }

    [Fact]
    public void TheContractStatementCoversEveryVerbOnce()
    {
        Assert.Equal(
            Enum.GetValues<TaskVerb>().Select(RpcOf).Order(),
            LifecycleStatement.Methods.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void TerminalStatesAreThoseNoVerbLeaves(State state)
    {
        var leftBySomeVerb = LifecycleStatement.Methods.Values.Any(rule => rule.Sources.Contains(state));
        var isRealState = state != State.Unspecified;

        Assert.Equal(isRealState && !leftBySomeVerb, TaskLifecycle.IsTerminal(state));
    }

    public static TheoryData<State> EveryState() => [.. Enum.GetValues<State>()];

    [Fact]
    public void AcceptingSetsTheRatingGiven()
    {
        var excellent = TaskIn(State.InProgress);
        var pass = TaskIn(State.InProgress);

        var change = excellent.Accept(AcceptanceRating.Excellent);
        pass.Accept(AcceptanceRating.Pass);

        Assert.Equal(AcceptanceRating.Excellent, excellent.AcceptanceRating);
        Assert.Equal(AcceptanceRating.Pass, pass.AcceptanceRating);
        Assert.Equal(["state", "acceptance_rating"], change.ChangedFields);
    }

    [Theory]
    [InlineData(AcceptanceRating.Unspecified)]
    [InlineData(AcceptanceRating.Fail)]
    public void AcceptingWithoutAPassingRatingIsInvalidRatingAndChangesNothing(AcceptanceRating rating)
    {
        var task = TaskIn(State.InProgress);

        var refused = Assert.Throws<ApiException>(() => task.Accept(rating));

        Assert.Equal(ApiErrorCode.InvalidArgument, refused.Code);
        Assert.Equal("INVALID_RATING", refused.Reason);
        Assert.Equal(["rating"], refused.Violations.Select(v => v.Field));
        Assert.Equal(State.InProgress, task.State);
        Assert.Equal(AcceptanceRating.Unspecified, task.AcceptanceRating);
    }

    [Fact]
    public void FailingRatesTheTaskFail()
    {
        var task = TaskIn(State.InProgress);

        var change = task.Fail();

        Assert.Equal(AcceptanceRating.Fail, task.AcceptanceRating);
        Assert.Equal(["state", "acceptance_rating"], change.ChangedFields);
    }

    [Fact]
    public void PlainTransitionsChangeOnlyTheState()
    {
        var task = TaskIn(State.Proposed);
        var before = Observable(task);

        var change = task.Select();

        Assert.Equal(["state"], change.ChangedFields);
        Assert.Equal(before with { State = State.Selected }, Observable(task));
    }

    [Fact]
    public void AdjustingReplacesOnlyTheGivenPartsAndCountsOnce()
    {
        var task = TaskIn(State.InProgress);
        var before = Observable(task);

        var change = task.Adjust(new TaskAdjustment
        {
            NewBudget = (2_000_000_000, 0),
            NewTitle = "Tiêu đề điều chỉnh",
        });

        Assert.Equal(["title", "budget"], change.ChangedFields);
        Assert.Equal("Tiêu đề điều chỉnh", task.Title);
        Assert.Equal(2_000_000_000, task.StateBudgetVnd);
        Assert.Equal(0, task.OtherSourcesVnd);
        Assert.Equal(1, task.AdjustmentCount);
        Assert.Equal(before.HostName, task.HostName);
        Assert.Equal(before.Subject, task.Subject);
        Assert.Equal(before.PrincipalInvestigator, task.PrincipalInvestigator);
        Assert.Equal(before.Outputs, task.Outputs.Count);
        Assert.Equal(State.InProgress, task.State);
    }

    [Fact]
    public void ExtendingMovesTheEndDateLaterAndCountsOnce()
    {
        var task = TaskIn(State.InProgress);

        var change = task.Extend(20230630);

        Assert.Equal(20230630, task.EndDate);
        Assert.Equal(1, task.ExtensionCount);
        Assert.Equal(["end_date"], change.ChangedFields);
    }

    [Theory]
    [InlineData(20221231)] // the current end date
    [InlineData(20220601)]
    [InlineData(20220000)] // "2022": not after 2022-12-31
    public void ExtendingToTheSameOrAnEarlierEndDateIsRefusedOnNewEndDate(int newEndDate)
    {
        var task = TaskIn(State.InProgress);

        var refused = Assert.Throws<ApiException>(() => task.Extend(newEndDate));

        Assert.Equal(ApiErrorCode.InvalidArgument, refused.Code);
        Assert.Equal(["new_end_date"], refused.Violations.Select(v => v.Field));
        Assert.Equal(20221231, task.EndDate);
        Assert.Equal(0, task.ExtensionCount);
    }

    [Fact]
    public void ExtendingATaskWithoutEndDateNeedsADateNotBeforeItsStart()
    {
        var early = TaskIn(State.InProgress);
        early.EndDate = 0;
        var fine = TaskIn(State.InProgress);
        fine.EndDate = 0;

        var refused = Assert.Throws<ApiException>(() => early.Extend(20210101));
        fine.Extend(20210301);

        Assert.Equal(["new_end_date"], refused.Violations.Select(v => v.Field));
        Assert.Equal(0, early.EndDate);
        Assert.Equal(20210301, fine.EndDate);
    }

    private static string RpcOf(TaskVerb verb) => $"{verb}Task";

    /// <summary>The verb with arguments that are valid in themselves, so only the state can make it fail.</summary>
    private static TaskChange ApplyValid(ScienceTask task, TaskVerb verb) => verb switch
    {
        TaskVerb.Select => task.Select(),
        TaskVerb.Approve => task.Approve(),
        TaskVerb.Contract => task.Contract(),
        TaskVerb.Start => task.Start(),
        TaskVerb.Adjust => task.Adjust(new TaskAdjustment { NewSubject = "chè PH8" }),
        TaskVerb.Extend => task.Extend(20231231),
        TaskVerb.Accept => task.Accept(AcceptanceRating.Pass),
        TaskVerb.Fail => task.Fail(),
        TaskVerb.Terminate => task.Terminate(),
        TaskVerb.Replicate => task.Replicate(),
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "A verb this test does not know: add it to the contract statement."),
    };

    private static ScienceTask TaskIn(State state) => new()
    {
        Id = "lifecycle-table",
        Title = "Nghiên cứu phát triển khoai sọ Nậm Khao",
        ProvinceCode = "12",
        HostName = "Trung tâm Ứng dụng tiến bộ KH&CN Lai Châu",
        PrincipalInvestigator = "Nguyễn Văn An",
        Subject = "khoai sọ Nậm Khao",
        StartDate = 20210301,
        EndDate = 20221231,
        StateBudgetVnd = 1_200_000_000,
        OtherSourcesVnd = 300_000_000,
        Outputs = [new TaskOutputValue(OutputKind.Process, "Quy trình nhân giống khoai sọ", "", false)],
        State = state,
    };

    private static Snapshot Observable(ScienceTask task) => new(
        task.State, task.AcceptanceRating, task.AdjustmentCount, task.ExtensionCount, task.EndDate, task.Title,
        task.HostName, task.PrincipalInvestigator, task.Subject, task.StateBudgetVnd, task.OtherSourcesVnd, task.Outputs.Count);

    private sealed record Snapshot(
        State State,
        AcceptanceRating Rating,
        int AdjustmentCount,
        int ExtensionCount,
        int EndDate,
        string Title,
        string HostName,
        string PrincipalInvestigator,
        string Subject,
        long StateBudgetVnd,
        long OtherSourcesVnd,
        int Outputs);
}
