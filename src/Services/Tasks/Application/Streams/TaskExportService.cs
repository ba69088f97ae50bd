using Grpc.Core;
using Khcn.Aip;
using Khcn.Data;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Tasks.Application.Streams;

/// <summary>
/// ExportTasks: every task matching the ListTasks filter, in order_by order (default "name"), as a server stream.
/// The tasks are read in keyset chunks, each its own short query, so an export of the whole register never holds
/// more than one chunk in memory nor one query open while the client reads.
/// </summary>
/// <remarks>
/// Each chunk sees the data as committed when it is read: the export is not a snapshot. In the default order
/// (by name, which never changes) a task present for the whole export is sent exactly once; in an order by a field
/// that changes (update_time), a task changed meanwhile may move past the chunk being read or back behind it.
/// </remarks>
public sealed class TaskExportService(TasksDbContext db, IProvinceReference provinces)
{
    /// <summary>Tasks read per query.</summary>
    internal const int ChunkSize = 500;

    private const string DefaultOrderBy = "name";


    public async Task ExportAsync(ExportTasksRequest request, IServerStreamWriter<ExportTasksResponse> responses, CancellationToken cancellationToken)
    {
        var filters = await TaskFilters.Schemas.ForAsync(provinces, request.Filter, cancellationToken);
        var position = "";
        do
        {
            // The page token of the keyset pager is the position after the chunk's last task.
            var chunk = await db.Tasks.AsNoTracking().KeysetPageAsync(
                new ListRequest(ChunkSize, position, request.Filter, request.OrderBy) { MaxPageSize = ChunkSize, CountTotal = false },
                filters,
                TaskOrdering.Fields,
                DefaultOrderBy,
                t => t.Id,
                cancellationToken);

            foreach (var task in chunk.Items)
            {
                // Awaiting each write is the back-pressure: when the client stops reading, HTTP/2 flow control stops
                // the flush, and with it the next read from the database.
                await responses.WriteAsync(new ExportTasksResponse { Task = TaskMapping.ToProto(task) }, cancellationToken);
            }

            position = chunk.NextPageToken;
        }
        while (position.Length > 0);
    }
}
