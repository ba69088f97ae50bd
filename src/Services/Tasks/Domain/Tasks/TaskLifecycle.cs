using Khcn.Aip;
using Khcn.Tasks.V1;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Domain.Tasks;

/// <summary>
/// The task lifecycle as data: for each verb, the state it leads to and the states it may start from.
/// <code>
/// PROPOSED → SELECTED → APPROVED → CONTRACTED → IN_PROGRESS → ACCEPTED → REPLICATED
///                                                          ↘ FAILED
///                       APPROVED | CONTRACTED | IN_PROGRESS → TERMINATED
/// IN_PROGRESS → IN_PROGRESS by Adjust and Extend
/// </code>
/// Keyed by verb rather than by target state because Start, Adjust and Extend all lead to IN_PROGRESS, from
/// different sources: a table of target → sources would let Start restart a running task.
/// </summary>
public static class TaskLifecycle
{
    public const string ResourceType = "tasks.khcn.gov.vn/Task";

    private static readonly Dictionary<TaskVerb, (State Target, State[] Sources)> Rules = new()
    {
        [TaskVerb.Select] = (State.Selected, [State.Proposed]),
        [TaskVerb.Approve] = (State.Approved, [State.Selected]),
        [TaskVerb.Contract] = (State.Contracted, [State.Approved]),
        [TaskVerb.Start] = (State.InProgress, [State.Contracted]),
        [TaskVerb.Adjust] = (State.InProgress, [State.InProgress]),
        [TaskVerb.Extend] = (State.InProgress, [State.InProgress]),
        [TaskVerb.Accept] = (State.Accepted, [State.InProgress]),
        [TaskVerb.Fail] = (State.Failed, [State.InProgress]),
        [TaskVerb.Terminate] = (State.Terminated, [State.Approved, State.Contracted, State.InProgress]),
        [TaskVerb.Replicate] = (State.Replicated, [State.Accepted]),
    };

    /// <summary>The state a task is in after <paramref name="verb"/>.</summary>
    public static State TargetOf(TaskVerb verb) => Rules[verb].Target;

    public static bool CanApply(TaskVerb verb, State from) => Rules[verb].Sources.Contains(from);

    /// <summary>States no verb leaves: FAILED and TERMINATED end a task; REPLICATED is the last step of a success.</summary>
    public static bool IsTerminal(State state) => state is State.Failed or State.Terminated or State.Replicated;

    /// <summary>The ratings a task can be accepted with (FAIL is given by FailTask, never by AcceptTask).</summary>
    public static bool IsAcceptanceRating(AcceptanceRating rating) => rating is AcceptanceRating.Excellent or AcceptanceRating.Pass;

    /// <summary>FAILED_PRECONDITION (INVALID_STATE_TRANSITION) naming the task's current state unless it allows <paramref name="verb"/>.</summary>
    public static void EnsureAllowed(ScienceTask task, TaskVerb verb)
    {
        if (!CanApply(verb, task.State))
        {
            throw ApiException.InvalidStateTransition(
                ResourceType, $"tasks/{task.Id}", ProtoEnumNames.Of(task.State), ProtoEnumNames.Of(TargetOf(verb)));
        }
    }

    /// <summary>INVALID_ARGUMENT (INVALID_RATING) on <c>rating</c>, with any other violations found in the same request.</summary>
    public static ApiException InvalidRating(AcceptanceRating rating, IEnumerable<FieldViolation>? otherViolations = null) =>
        ApiException.InvalidArgument(
            "INVALID_RATING",
            $"A task is accepted with rating EXCELLENT or PASS, not {ProtoEnumNames.Of(rating)}; a failed evaluation is FailTask.",
            [.. otherViolations ?? [], new FieldViolation("rating", "must be EXCELLENT or PASS")]);
}
