using Khcn.Aip;
using Khcn.Data;
using Khcn.Tasks.V1;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Domain.Tasks;

/// <summary>
/// An S&amp;T task (nhiệm vụ KH&amp;CN). Named ScienceTask because "Task" is .NET's. Descriptive fields change
/// through Update (before the task starts) or Adjust/Extend (while it runs); <see cref="State"/> changes only
/// through <see cref="TaskLifecycle"/>, and every change is written to the task's history in the same transaction.
/// </summary>
public sealed class ScienceTask : IVersionedResource
{
    // Field-mask paths of khcn.tasks.v1.Task that the verbs change.
    private const string StatePath = "state";
    private const string RatingPath = "acceptance_rating";
    private const string EndDatePath = "end_date";

    public required string Id { get; init; }

    /// <summary>Official code as printed (e.g. "ĐTĐL.CN-01/21"); empty when unknown. Unique when present.</summary>
    public string Code { get; init; } = "";

    public required string Title { get; set; }

    public TaskKind Kind { get; set; }

    public TaskLevel Level { get; set; }

    /// <summary>Id of the programme ("programmes/{id}"), or null.</summary>
    public string? ProgrammeId { get; set; }

    /// <summary>GSO code valid at the task's start, kept as given (a closed code stays closed).</summary>
    public required string ProvinceCode { get; set; }

    public required string HostName { get; set; }

    public string HostAddress { get; set; } = "";

    public string PrincipalInvestigator { get; set; } = "";

    public ResearchField Field { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>yyyymmdd (partial dates keep 00), 0 when unknown.</summary>
    public int StartDate { get; set; }

    /// <summary>Year of <see cref="StartDate"/>, 0 when unknown: the YEAR dimension and the year-range filter.</summary>
    public int StartYear { get; set; }

    /// <summary>yyyymmdd (partial dates keep 00), 0 when unknown.</summary>
    public int EndDate { get; set; }

    public long StateBudgetVnd { get; set; }

    public long OtherSourcesVnd { get; set; }

    /// <summary>Stored, not only computed, so totals and ordering by budget run in SQL.</summary>
    public long TotalBudgetVnd { get; set; }

    public List<TaskOutputValue> Outputs { get; set; } = [];

    public State State { get; set; } = State.Proposed;

    public AcceptanceRating AcceptanceRating { get; set; }

    public int AdjustmentCount { get; set; }

    public int ExtensionCount { get; set; }

    /// <summary>Code, title, subject, host and investigator folded together: what free-text filters search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Title folded, for <c>title</c> filters that ignore case and diacritics.</summary>
    public string FoldedTitle { get; set; } = "";

    /// <summary>Host organisation's name folded, for <c>host_organisation.display_name</c> filters.</summary>
    public string FoldedHostName { get; set; } = "";

    /// <summary>Principal investigator folded, for <c>principal_investigator</c> filters.</summary>
    public string FoldedInvestigator { get; set; } = "";

    public long Version { get; set; }

    public DateTime CreateTime { get; init; }

    public DateTime UpdateTime { get; set; }

    /// <summary>PROPOSED → SELECTED: chosen by the council (tuyển chọn) or assigned directly.</summary>
    public TaskChange Select() => Apply(TaskVerb.Select, [StatePath]);

    /// <summary>SELECTED → APPROVED by the competent authority.</summary>
    public TaskChange Approve() => Apply(TaskVerb.Approve, [StatePath]);

    /// <summary>APPROVED → CONTRACTED: the contract with the host organisation is signed.</summary>
    public TaskChange Contract() => Apply(TaskVerb.Contract, [StatePath]);

    /// <summary>CONTRACTED → IN_PROGRESS.</summary>
    public TaskChange Start() => Apply(TaskVerb.Start, [StatePath]);

    /// <summary>IN_PROGRESS, content changed under an adjustment decision; counted in <see cref="AdjustmentCount"/>.</summary>
    public TaskChange Adjust(TaskAdjustment adjustment)
    {
        var paths = adjustment.Paths;
        if (paths.Count == 0)
        {
            throw new ArgumentException("An adjustment changes at least one field.", nameof(adjustment));
        }

        return Apply(TaskVerb.Adjust, paths, () =>
        {
            adjustment.ApplyTo(this);
            AdjustmentCount++;
        });
    }

    /// <summary>
    /// IN_PROGRESS with a later end date (yyyymmdd, partial dates keep 00); counted in <see cref="ExtensionCount"/>.
    /// An extension that does not move the end date later is INVALID_ARGUMENT on <c>new_end_date</c>: it is what the
    /// caller asked for, not the task's state, that is wrong. Partial dates compare as stored ("2023" is after
    /// "2022-12-31", "2022-12-31" after "2022-12").
    /// </summary>
    public TaskChange Extend(int newEndDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newEndDate);
        return Apply(TaskVerb.Extend, [EndDatePath], () =>
        {
            if (EndDate != 0 && newEndDate <= EndDate)
            {
                throw NotLater($"must be after the current end date {PartialDate.FromSortable(EndDate)}");
            }

            if (EndDate == 0 && newEndDate < StartDate)
            {
                throw NotLater($"must not be before the start date {PartialDate.FromSortable(StartDate)}");
            }

            EndDate = newEndDate;
            ExtensionCount++;
        });

        static ApiException NotLater(string description) =>
            ApiException.InvalidArgument("An extension must move the end date later.", new FieldViolation("new_end_date", description));
    }

    /// <summary>IN_PROGRESS → ACCEPTED with rating EXCELLENT or PASS (else INVALID_RATING).</summary>
    public TaskChange Accept(AcceptanceRating rating)
    {
        if (!TaskLifecycle.IsAcceptanceRating(rating))
        {
            throw TaskLifecycle.InvalidRating(rating);
        }

        return Apply(TaskVerb.Accept, [StatePath, RatingPath], () => AcceptanceRating = rating);
    }

    /// <summary>IN_PROGRESS → FAILED: the acceptance evaluation rated it FAIL.</summary>
    public TaskChange Fail() => Apply(TaskVerb.Fail, [StatePath, RatingPath], () => AcceptanceRating = AcceptanceRating.Fail);

    /// <summary>APPROVED | CONTRACTED | IN_PROGRESS → TERMINATED: stopped before completion.</summary>
    public TaskChange Terminate() => Apply(TaskVerb.Terminate, [StatePath]);

    /// <summary>ACCEPTED → REPLICATED: results transferred or scaled up (who took them up is kept on the event).</summary>
    public TaskChange Replicate() => Apply(TaskVerb.Replicate, [StatePath]);

    /// <summary>Checks the lifecycle table BEFORE anything changes, so a refused verb leaves the task as it was.</summary>
    private TaskChange Apply(TaskVerb verb, IReadOnlyList<string> changedFields, Action? changeContent = null)
    {
        TaskLifecycle.EnsureAllowed(this, verb);
        var previous = State;
        changeContent?.Invoke();
        State = TaskLifecycle.TargetOf(verb);
        return new TaskChange(verb, previous, State, changedFields);
    }
}
