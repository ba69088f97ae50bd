using Khcn.Aip;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Application.History;

/// <summary>TaskHistoryEntry (a task_events row) → TaskEvent. Pure: shared by ListTaskEvents and the change feed.</summary>
public static class TaskEventMapping
{
    /// <summary>"tasks/{task}/events/{sequence}": the sequence, in decimal, is the event's id.</summary>
    public static readonly ResourceNamePattern Names = new("tasks/{task}/events/{event}");

    public static string NameOf(TaskHistoryEntry entry) =>
        Names.Format(entry.TaskId, entry.EventId);

    public static TaskEvent ToProto(TaskHistoryEntry entry)
    {
        var taskEvent = new TaskEvent
        {
            Name = NameOf(entry),
            Type = entry.Type,
            PreviousState = entry.PreviousState,
            NewState = entry.NewState,
            Actor = entry.Actor,
            EventTime = ProtoConvert.ToTimestamp(entry.EventTime),
            Reason = entry.Reason,
            DocumentReference = entry.DocumentReference,
            ChangedFields = entry.ChangedFieldMask(),
            TaskSnapshot = V1.Task.Parser.ParseFrom(entry.Snapshot),
            RecordTime = ProtoConvert.ToTimestamp(entry.RecordTime),
        };
        taskEvent.Adopters.AddRange(entry.Adopters);
        return taskEvent;
    }
}
