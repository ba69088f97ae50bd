using Khcn.Data;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Domain.Tasks;

/// <summary>
/// One immutable entry of a task's history (a TaskEvent), also the change feed WatchTasks reads.
/// <see cref="HistoryEntry{TType, TState}.Sequence"/> is assigned by the database in commit order (see TasksDbContext)
/// so a watcher resuming after sequence N never misses a change committed later with a smaller number.
/// Entries outlive a deleted task: there is no foreign key to the task row.
/// </summary>
public sealed class TaskHistoryEntry : HistoryEntry<EventType, State>
{
    /// <summary>For EF Core, which materializes stored entries.</summary>
    private TaskHistoryEntry()
    {
    }

    public TaskHistoryEntry(string taskId, HistoryChange<EventType, State> change)
        : base(change) => TaskId = taskId;

    public string TaskId { get; private init; } = "";

    /// <summary>Who took the results up (REPLICATED only), stored with its entry as a JSON list.</summary>
    public List<string> Adopters { get; init; } = [];
}
