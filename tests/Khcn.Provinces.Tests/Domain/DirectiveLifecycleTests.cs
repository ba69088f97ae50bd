using Khcn.Aip;
using Khcn.Provinces.Domain.Common;
using Khcn.Provinces.Domain.Directives;
using State = Khcn.Provinces.V1.Directive.Types.State;

namespace Khcn.Provinces.Tests.Domain;

/// <summary>The directive lifecycle table (ISSUED → IN_PROGRESS → DONE), one rule per test, without a server.</summary>
public sealed class DirectiveLifecycleTests
{
    private static readonly DateTime IssuedAt = new(2019, 6, 11, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime RecordedAt = new(2026, 1, 5, 3, 0, 0, DateTimeKind.Utc);

    public static TheoryData<State, State> EveryPair() => StatePairs.Every(State.Issued, State.InProgress, State.Done);

    [Fact]
    public void IssueStartsInIssuedWithOneHistoryEntryByTheIssuingOfficial()
    {
        var directive = Issue();

        Assert.Equal(State.Issued, directive.State);
        Assert.True(directive.IsOpen);
        var entry = Assert.Single(directive.History);
        Assert.Equal((int)State.Issued, entry.State);
        Assert.Equal("officials/chu-ngoc-anh", entry.Actor);
        Assert.Equal(IssuedAt, entry.EventTime);
        Assert.Equal(RecordedAt, entry.RecordTime);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void OnlyIssuedToInProgressAndInProgressToDoneAreAllowed(State from, State to)
    {
        var documented = (from, to) is (State.Issued, State.InProgress) or (State.InProgress, State.Done);

        Assert.Equal(documented, DirectiveLifecycle.CanMove(from, to));
    }

    [Fact]
    public void CompleteCannotSkipInProgress()
    {
        var directive = Issue();

        var error = Assert.Throws<ApiException>(() => directive.Complete(Step("UBND tỉnh")));

        Assert.Equal("INVALID_STATE_TRANSITION", error.Reason);
        Assert.Equal("ISSUED", error.Metadata["from_state"]);
        Assert.Equal("DONE", error.Metadata["to_state"]);
        Assert.Equal(State.Issued, directive.State);
        Assert.Single(directive.History);
    }

    [Fact]
    public void DoneIsTerminalAndClosesTheDirective()
    {
        var directive = Issue();
        directive.Start(Step("Sở KH&CN"));
        directive.Complete(Step("Sở KH&CN"));

        Assert.False(directive.IsOpen);
        Assert.Throws<ApiException>(() => directive.Start(Step("Sở KH&CN")));
        Assert.Throws<ApiException>(() => directive.Complete(Step("Sở KH&CN")));
        Assert.Equal(
            [(int)State.Issued, (int)State.InProgress, (int)State.Done],
            directive.History.Select(h => h.State));
    }

    [Fact]
    public void EachTransitionAppendsWhoWhenAndWhy()
    {
        var directive = Issue();
        var start = new Transition("Sở KH&CN tỉnh Lạng Sơn", IssuedAt.AddDays(30), "lập kế hoạch bảo tồn", "KH 12/SKHCN", RecordedAt.AddHours(1));

        directive.Start(start);

        Assert.Equal(start.ToStateChange((int)State.InProgress), directive.History[^1]);
        Assert.Equal(start.RecordTime, directive.UpdateTime);
    }

    private static Directive Issue() =>
        Directive.Issue("cd-test", "20", "lang-son-2019", "chu-ngoc-anh", ["Sở KH&CN"], "bảo tồn nguồn gen", "", 0, IssuedAt, RecordedAt);

    private static Transition Step(string actor) => new(actor, IssuedAt.AddDays(1), "", "", RecordedAt.AddMinutes(1));
}
