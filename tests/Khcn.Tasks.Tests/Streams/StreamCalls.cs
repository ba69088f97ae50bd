using Grpc.Core;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Streams;

/// <summary>The streaming calls as the tests drive them: a whole import, a whole export, a whole list.</summary>
internal static class StreamCalls
{
    /// <summary>
    /// A research topic titled "{title} {number} {marker}" with its own code, so a test can load many distinct tasks
    /// and find them all by the marker.
    /// </summary>
    public static TaskMessage Numbered(string marker, int number, string title = "Nhiệm vụ")
    {
        var task = Infrastructure.TestTasks.ResearchTopic($"{title} {number} {marker}");
        task.Code = $"ĐT.{marker.ToUpperInvariant()}/{number}";
        return task;
    }

    /// <summary>An import record with a fresh request_id (or the one given).</summary>
    public static ImportTasksRequest Record(TaskMessage task, string? requestId = null, string taskId = "") =>
        new() { RequestId = requestId ?? Guid.NewGuid().ToString(), TaskId = taskId, Task = task };

    /// <summary>
    /// Streams <paramref name="records"/> and returns the answer. When the server ends the call early (a limit), a
    /// write fails; the call's own status is what the caller sees, as an RpcException.
    /// </summary>
    public static async Task<ImportTasksResponse> ImportAsync(TasksService.TasksServiceClient client, IEnumerable<ImportTasksRequest> records)
    {
        using var call = client.ImportTasks();
        try
        {
            foreach (var record in records)
            {
                await call.RequestStream.WriteAsync(record);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The server answered before reading everything: its status follows.
        }

        return await call.ResponseAsync;
    }

    /// <summary>Every task the export streams, in stream order; <paramref name="afterEach"/> runs after each one is read.</summary>
    public static async Task<IReadOnlyList<TaskMessage>> ExportAsync(
        TasksService.TasksServiceClient client, ExportTasksRequest request, Func<int, Task>? afterEach = null)
    {
        using var call = client.ExportTasks(request);
        var tasks = new List<TaskMessage>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            tasks.Add(call.ResponseStream.Current.Task);
            if (afterEach is not null)
            {
                await afterEach(tasks.Count);
            }
        }

        return tasks;
    }

    /// <summary>Every task ListTasks returns for the filter and order, page after page.</summary>
    public static async Task<IReadOnlyList<TaskMessage>> ListAllAsync(
        TasksService.TasksServiceClient client, string filter, string orderBy = "", int pageSize = 1000)
    {
        var pages = await PageWalk.AllPagesAsync(
            async token => await client.ListTasksAsync(
                new ListTasksRequest { Filter = filter, OrderBy = orderBy, PageSize = pageSize, PageToken = token }),
            page => page.NextPageToken);
        return [.. pages.SelectMany(page => page.Tasks)];
    }
}
