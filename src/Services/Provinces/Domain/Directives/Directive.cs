using Khcn.Provinces.Domain.Common;
using State = Khcn.Provinces.V1.Directive.Types.State;
using Khcn.Data;
using Khcn.Aip;

namespace Khcn.Provinces.Domain.Directives;

/// <summary>
/// An instruction issued by a chair or minister. State changes only through <see cref="Start"/> and
/// <see cref="Complete"/>, checked by <see cref="DirectiveLifecycle"/>, each appended to the history.
/// </summary>
public sealed class Directive : IVersionedResource
{
    public required string Id { get; init; }

    public required string ProvinceCode { get; init; }

    public string? EngagementId { get; init; }

    /// <summary>Id of the issuing official, without the "officials/" prefix.</summary>
    public required string IssuedById { get; set; }

    public List<string> Addressees { get; set; } = [];

    public required string Topic { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>Deadline as yyyymmdd; 0 when none was set.</summary>
    public int DueDate { get; set; }

    public State State { get; private set; } = State.Issued;

    /// <summary>True until DONE.</summary>
    public bool IsOpen { get; private set; } = true;

    public List<StateChange> History { get; set; } = [];

    /// <summary>When it was issued in the real world (engagement date, else creation time).</summary>
    public DateTime IssueTime { get; init; }

    public long Version { get; set; }

    public DateTime CreateTime { get; init; }

    public DateTime UpdateTime { get; set; }

    /// <summary>
    /// A new directive in ISSUED, its history opened by the official who issued it, at the time it was issued
    /// in the real world.
    /// </summary>
    public static Directive Issue(
        string id,
        string provinceCode,
        string? engagementId,
        string issuedById,
        IEnumerable<string> addressees,
        string topic,
        string summary,
        int dueDate,
        DateTime issueTime,
        DateTime recordTime,
        string documentReference = "") =>
        new()
        {
            Id = id,
            ProvinceCode = provinceCode,
            EngagementId = engagementId,
            IssuedById = issuedById,
            Addressees = [.. addressees],
            Topic = topic,
            Summary = summary,
            DueDate = dueDate,
            IssueTime = issueTime,
            History = [new StateChange((int)State.Issued, $"officials/{issuedById}", issueTime, "", documentReference, recordTime)],
            Version = 1,
            CreateTime = recordTime,
            UpdateTime = recordTime,
        };

    public void Start(Transition transition) => Move(State.InProgress, transition);

    public void Complete(Transition transition) => Move(State.Done, transition);

    private void Move(State target, Transition transition)
    {
        DirectiveLifecycle.EnsureAllowed(this, target);
        State = target;
        IsOpen = target != State.Done;
        History.Add(transition.ToStateChange((int)target));
        UpdateTime = transition.RecordTime;
    }
}
