using Khcn.Aip;
using Khcn.Provinces.Domain.Common;
using Khcn.Provinces.Domain.Recommendations;
using Addressee = Khcn.Provinces.V1.Addressee;
using State = Khcn.Provinces.V1.Recommendation.Types.State;

namespace Khcn.Provinces.Tests.Domain;

/// <summary>The recommendation lifecycle table, one rule per test, without a server.</summary>
public sealed class RecommendationLifecycleTests
{
    private static readonly DateTime RaisedAt = new(2023, 11, 28, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime RecordedAt = new(2026, 1, 5, 3, 0, 0, DateTimeKind.Utc);

    public static TheoryData<State, State> EveryPair() => StatePairs.Every(State.Raised, State.Assigned, State.InProgress, State.Answered, State.Declined);

    [Fact]
    public void RaiseStartsInRaisedWithOneHistoryEntryByTheEngagementAtTheRaiseTime()
    {
        var recommendation = Raise(engagementId: "quang-tri-2023");

        Assert.Equal(State.Raised, recommendation.State);
        Assert.True(recommendation.IsOpen);
        var entry = Assert.Single(recommendation.History);
        Assert.Equal((int)State.Raised, entry.State);
        Assert.Equal("engagements/quang-tri-2023", entry.Actor);
        Assert.Equal(RaisedAt, entry.EventTime);
        Assert.Equal(RecordedAt, entry.RecordTime);
        Assert.Equal(1, recommendation.Version);
    }

    [Fact]
    public void RaiseWithoutAnEngagementIsAttributedToTheProvince()
    {
        var recommendation = Raise(engagementId: null);

        Assert.Equal("provinces/45", Assert.Single(recommendation.History).Actor);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void OnlyTheDocumentedMovesAreAllowed(State from, State to)
    {
        var documented = (from, to) is (State.Raised, State.Assigned)
            or (State.Assigned, State.InProgress)
            or (State.InProgress, State.Answered)
            or (State.Raised or State.Assigned or State.InProgress, State.Declined);

        Assert.Equal(documented, RecommendationLifecycle.CanMove(from, to));
    }

    [Fact]
    public void AnsweredAndDeclinedAreTerminalAndClosed()
    {
        Assert.True(RecommendationLifecycle.IsTerminal(State.Answered));
        Assert.True(RecommendationLifecycle.IsTerminal(State.Declined));
        Assert.False(RecommendationLifecycle.IsTerminal(State.InProgress));

        var answered = Raise(null);
        answered.Assign(Step("Vụ Kế hoạch - Tài chính"), "Vụ Kế hoạch - Tài chính");
        answered.Start(Step("Vụ Kế hoạch - Tài chính"));
        answered.Answer(Step("Bộ KH&CN"), "Đã bố trí kinh phí");
        Assert.False(answered.IsOpen);
    }

    [Fact]
    public void EachTransitionAppendsWhoWhenAndWhyWithoutRewritingEarlierEntries()
    {
        var recommendation = Raise("lai-chau-2022");
        var assign = new Transition("Văn phòng Bộ", RaisedAt.AddDays(3), "giao Vụ KHTC", "CV 123/BKHCN", RecordedAt.AddHours(1));
        var start = new Transition("Vụ Kế hoạch - Tài chính", RaisedAt.AddDays(10), "đang xem xét", "", RecordedAt.AddHours(2));
        var answer = new Transition("Bộ trưởng", RaisedAt.AddDays(40), "trả lời bằng văn bản", "CV 456/BKHCN", RecordedAt.AddHours(3));

        recommendation.Assign(assign, "Vụ Kế hoạch - Tài chính");
        recommendation.Start(start);
        recommendation.Answer(answer, "Bộ sẽ tăng kinh phí sự nghiệp năm sau");

        Assert.Equal(State.Answered, recommendation.State);
        Assert.Equal("Vụ Kế hoạch - Tài chính", recommendation.Assignee);
        Assert.Equal("Bộ sẽ tăng kinh phí sự nghiệp năm sau", recommendation.Resolution);
        Assert.Equal(
            [(int)State.Raised, (int)State.Assigned, (int)State.InProgress, (int)State.Answered],
            recommendation.History.Select(h => h.State));
        Assert.Equal(assign.ToStateChange((int)State.Assigned), recommendation.History[1]);
        Assert.Equal(start.ToStateChange((int)State.InProgress), recommendation.History[2]);
        Assert.Equal(answer.ToStateChange((int)State.Answered), recommendation.History[3]);
        Assert.Equal(answer.RecordTime, recommendation.UpdateTime);
    }

    [Fact]
    public void DeclineRecordsItsReasonAsTheResolution()
    {
        var recommendation = Raise(null);

        recommendation.Decline(new Transition("Bộ trưởng", RaisedAt, "ngoài thẩm quyền của Bộ", "", RecordedAt));

        Assert.Equal(State.Declined, recommendation.State);
        Assert.Equal("ngoài thẩm quyền của Bộ", recommendation.Resolution);
        Assert.False(recommendation.IsOpen);
    }

    [Fact]
    public void RefusedMoveFailsWithInvalidStateTransitionAndChangesNothing()
    {
        var recommendation = Raise(null);

        var error = Assert.Throws<ApiException>(() => recommendation.Answer(Step("Bộ trưởng"), "quá sớm"));

        Assert.Equal(ApiErrorCode.FailedPrecondition, error.Code);
        Assert.Equal("INVALID_STATE_TRANSITION", error.Reason);
        Assert.Equal("RAISED", error.Metadata["from_state"]);
        Assert.Equal("ANSWERED", error.Metadata["to_state"]);
        Assert.Equal("recommendations/kn-test", error.ResourceName);
        Assert.Equal(State.Raised, recommendation.State);
        Assert.Single(recommendation.History);
        Assert.Equal("", recommendation.Resolution);
    }

    [Fact]
    public void NothingMovesAfterAnswered()
    {
        var recommendation = Raise(null);
        recommendation.Assign(Step("a"), "b");
        recommendation.Start(Step("a"));
        recommendation.Answer(Step("a"), "c");

        Assert.Throws<ApiException>(() => recommendation.Decline(Step("a")));
        Assert.Throws<ApiException>(() => recommendation.Start(Step("a")));
        Assert.Throws<ApiException>(() => recommendation.Assign(Step("a"), "d"));
        Assert.Equal(4, recommendation.History.Count);
    }

    private static Recommendation Raise(string? engagementId) =>
        Recommendation.Raise("kn-test", "45", engagementId, Addressee.Ministry, "kinh phí", "", RaisedAt, RecordedAt);

    private static Transition Step(string actor) => new(actor, RaisedAt.AddDays(1), "lý do", "", RecordedAt.AddMinutes(1));
}
