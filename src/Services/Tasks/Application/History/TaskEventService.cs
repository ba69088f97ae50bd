using Khcn.Aip;
using Khcn.Data;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Tasks.Application.History;

/// <summary>
/// ListTaskEvents: the history of one task ("tasks/{task}") or of every task ("tasks/-"). History outlives the task
/// row, so the events of a deleted task stay listable; a task that never existed is NOT_FOUND.
/// </summary>
public sealed class TaskEventService(TasksDbContext db)
{
    /// <summary>AIP-159: the wildcard collection id that reads across every parent.</summary>
    private const string AllTasks = "tasks/-";

    private static readonly FilterSchema<TaskHistoryEntry> FilterFields = new FilterSchema<TaskHistoryEntry>()
        .Enum("type", e => e.Type)
        .String("actor", e => e.Actor)
        .Timestamp("event_time", e => e.EventTime)
        .Timestamp("record_time", e => e.RecordTime);

    // Entries are recorded in sequence order, so the sequence also breaks ties of equal record times the way they
    // were committed.
    private static readonly OrderBySchema<TaskHistoryEntry> OrderFields = new OrderBySchema<TaskHistoryEntry>()
        .Field("record_time", e => e.RecordTime)
        .Field("event_time", e => e.EventTime);

    public async Task<ListTaskEventsResponse> ListAsync(ListTaskEventsRequest request, CancellationToken cancellationToken)
    {
        var events = db.History.AsNoTracking();
        if (request.Parent != AllTasks)
        {
            var taskId = TaskMapping.Names.Parse(request.Parent, "parent");
            if (!await db.Tasks.AnyAsync(t => t.Id == taskId, cancellationToken)
                && !await db.History.AnyAsync(e => e.TaskId == taskId, cancellationToken))
            {
                throw ApiException.NotFound(TaskMapping.ResourceType, request.Parent);
            }

            events = events.Where(e => e.TaskId == taskId);
        }

        var page = await events.KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy, request.Parent),
            FilterFields,
            OrderFields,
            "record_time",
            e => e.Sequence,
            cancellationToken);
        var response = new ListTaskEventsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.TaskEvents.AddRange(page.Items.Select(TaskEventMapping.ToProto));
        return response;
    }
}
