using Khcn.Data;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Application.History;

/// <summary>
/// ListTaskEvents: the history of one task ("tasks/{task}") or of every task ("tasks/-"). History outlives the task
/// row, so the events of a deleted task stay listable; a task that never existed is NOT_FOUND.
/// </summary>
public sealed class TaskEventService(TasksDbContext db)
{
    private static readonly HistoryEventList<TaskHistoryEntry, EventType, State> Events = new(TaskMapping.Names, TaskMapping.ResourceType);

    public async Task<ListTaskEventsResponse> ListAsync(ListTaskEventsRequest request, CancellationToken cancellationToken)
    {
        var page = await Events.ListAsync(
            db.History,
            taskId => db.History.Where(e => e.TaskId == taskId),
            (taskId, ct) => db.Tasks.AnyAsync(t => t.Id == taskId, ct),
            request.Parent,
            request.PageSize,
            request.PageToken,
            request.Filter,
            request.OrderBy,
            cancellationToken);
        var response = new ListTaskEventsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.TaskEvents.AddRange(page.Items.Select(TaskEventMapping.ToProto));
        return response;
    }
}
