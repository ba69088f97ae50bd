using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Domain.Tasks;

/// <summary>
/// What one lifecycle verb did to a task: the states before and after and the task fields it changed (field-mask
/// paths of khcn.tasks.v1.Task). The history records it as one event.
/// </summary>
public sealed record TaskChange(TaskVerb Verb, State PreviousState, State NewState, IReadOnlyList<string> ChangedFields)
{
    /// <summary>Whether descriptive fields changed (not only state and rating), so derived columns must be recomputed.</summary>
    public bool ChangesContent => Verb is TaskVerb.Adjust or TaskVerb.Extend;
}
