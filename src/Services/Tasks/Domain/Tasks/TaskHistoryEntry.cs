using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Domain.Tasks;

/// <summary>
/// One immutable entry of a task's history (a TaskEvent), also the change feed WatchTasks reads.
/// <see cref="Sequence"/> is assigned by the database in commit order (see TasksDbContext) so a watcher resuming
/// after sequence N never misses a change committed later with a smaller number.
/// Entries outlive a deleted task: there is no foreign key to the task row.
/// </summary>
public sealed class TaskHistoryEntry
{
    public long Sequence { get; init; }

    public required string TaskId { get; init; }

    public EventType Type { get; init; }

    public State PreviousState { get; init; }

    public State NewState { get; init; }

    public string Actor { get; init; } = "";

    public DateTime EventTime { get; init; }

    public string Reason { get; init; } = "";

    public string DocumentReference { get; init; } = "";

    /// <summary>Field-mask paths the event changed, comma-separated.</summary>
    public string ChangedFields { get; init; } = "";

    /// <summary>The task right after the event, as serialized khcn.tasks.v1.Task bytes.</summary>
    public byte[] Snapshot { get; init; } = [];

    public DateTime RecordTime { get; init; }

    /// <summary>Who took the results up (REPLICATED only), stored with its entry as a JSON list.</summary>
    public List<string> Adopters { get; init; } = [];
}
