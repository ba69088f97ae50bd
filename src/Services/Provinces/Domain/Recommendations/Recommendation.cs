using Khcn.Provinces.Domain.Common;
using Khcn.Provinces.V1;
using State = Khcn.Provinces.V1.Recommendation.Types.State;
using Khcn.Data;
using Khcn.Aip;

namespace Khcn.Provinces.Domain.Recommendations;

/// <summary>
/// A request raised by a province. Its state changes only through the transition methods, which check
/// <see cref="RecommendationLifecycle"/> and append to <see cref="History"/>; nothing is overwritten.
/// </summary>
public sealed class Recommendation : IVersionedResource
{
    public required string Id { get; init; }

    public required string ProvinceCode { get; init; }

    public string? EngagementId { get; init; }

    public Addressee Addressee { get; set; }

    public required string Topic { get; set; }

    public string Summary { get; set; } = "";

    public State State { get; private set; } = State.Raised;

    /// <summary>True until ANSWERED or DECLINED; stored so "open" filters and indexes stay simple.</summary>
    public bool IsOpen { get; private set; } = true;

    public string Assignee { get; private set; } = "";

    public string Resolution { get; private set; } = "";

    public List<StateChange> History { get; set; } = [];

    /// <summary>When it was raised in the real world (engagement date, else creation time).</summary>
    public DateTime RaiseTime { get; init; }

    public long Version { get; set; }

    public DateTime CreateTime { get; init; }

    public DateTime UpdateTime { get; set; }

    /// <summary>
    /// A new recommendation in RAISED, its history opened by who raised it: the engagement it came from, or the
    /// province when it came by other means. The event time is when it was raised in the real world.
    /// </summary>
    public static Recommendation Raise(
        string id,
        string provinceCode,
        string? engagementId,
        Addressee addressee,
        string topic,
        string summary,
        DateTime raiseTime,
        DateTime recordTime,
        string documentReference = "")
    {
        var raisedBy = engagementId is null ? $"provinces/{provinceCode}" : $"engagements/{engagementId}";
        return new Recommendation
        {
            Id = id,
            ProvinceCode = provinceCode,
            EngagementId = engagementId,
            Addressee = addressee,
            Topic = topic,
            Summary = summary,
            RaiseTime = raiseTime,
            History = [new StateChange((int)State.Raised, raisedBy, raiseTime, "", documentReference, recordTime)],
            Version = 1,
            CreateTime = recordTime,
            UpdateTime = recordTime,
        };
    }

    public void Assign(Transition transition, string assignee)
    {
        Move(State.Assigned, transition);
        Assignee = assignee;
    }

    public void Start(Transition transition) => Move(State.InProgress, transition);

    public void Answer(Transition transition, string answer)
    {
        Move(State.Answered, transition);
        Resolution = answer;
    }

    public void Decline(Transition transition)
    {
        Move(State.Declined, transition);
        Resolution = transition.Reason;
    }

    private void Move(State target, Transition transition)
    {
        RecommendationLifecycle.EnsureAllowed(this, target);
        State = target;
        IsOpen = !RecommendationLifecycle.IsTerminal(target);
        History.Add(transition.ToStateChange((int)target));
        UpdateTime = transition.RecordTime;
    }
}
