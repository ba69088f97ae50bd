using Khcn.Aip;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Application.History;

/// <summary>
/// Writes a task's history: every create, update, transition and delete adds one entry, in the same transaction as
/// the task row (the caller saves both at once), holding a snapshot of the task right after the change. Once the
/// save commits, the process's change-feed readers are woken (TasksDbContext.HistoryCommitted).
/// </summary>
public sealed class TaskHistory : IDisposable
{
    private readonly TasksDbContext _db;
    private readonly TaskChangeSignal _signal;

    public TaskHistory(TasksDbContext db, TaskChangeSignal signal)
    {
        _db = db;
        _signal = signal;
        _db.HistoryCommitted += _signal.Pulse;
    }

    /// <summary>
    /// Adds the entry for a change already applied to <paramref name="task"/> (version already raised).
    /// <paramref name="transition"/> carries who/when/why; <paramref name="changedFields"/> are field-mask paths.
    /// </summary>
    public TaskHistoryEntry Record(
        ScienceTask task,
        EventType type,
        State previousState,
        Transition transition,
        IEnumerable<string> changedFields,
        IReadOnlyList<string>? adopters = null)
    {
        // A deleted task has no state after the event; its snapshot keeps the one it had.
        var newState = type == EventType.Deleted ? State.Unspecified : task.State;
        var entry = new TaskHistoryEntry(
            task.Id,
            new(type, previousState, newState, transition, changedFields, TaskMapping.ToProto(task)))
        {
            Adopters = [.. adopters ?? []],
        };
        _db.History.Add(entry);
        return entry;
    }

    /// <summary>
    /// Adds the entry of a standard-method write (create, update, delete; see <see cref="Transition.Unattributed"/>). The
    /// state is the task's own: these writes never move it (a new task had none before).
    /// </summary>
    public TaskHistoryEntry RecordWrite(ScienceTask task, EventType type, DateTime now, IEnumerable<string> changedFields) =>
        Record(task, type, type == EventType.Created ? State.Unspecified : task.State, Transition.Unattributed(now), changedFields);

    public void Dispose() => _db.HistoryCommitted -= _signal.Pulse;
}
