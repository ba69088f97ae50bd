using Khcn.Services.Tests.Records;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Infrastructure;

/// <summary>Valid task messages for tests to start from, and the calls that put them into the service.</summary>
public static class TestTasks
{
    /// <summary>
    /// A provincial research topic in Lai Châu (code 12, unchanged by the 2025 mergers) starting 2021-03-01, with a
    /// budget and one output. Every test that needs another value sets it on the returned message.
    /// </summary>
    public static TaskMessage ResearchTopic(string title = "Nghiên cứu phát triển khoai sọ Nậm Khao") => SampleTasks.LaiChauTopic(title);

    /// <summary>Creates <paramref name="task"/> (a fresh research topic when null) and returns what the service stored.</summary>
    public static async Task<TaskMessage> CreateAsync(TasksService.TasksServiceClient client, TaskMessage? task = null, string? taskId = null) =>
        await client.CreateTaskAsync(new CreateTaskRequest { Task = task ?? ResearchTopic(), TaskId = taskId ?? "" });

    /// <summary>A word no other test uses, for the test to filter on (see <see cref="TestMarker"/>).</summary>
    public static string Marker(string prefix = "mk") => TestMarker.New(prefix);

    /// <summary>A fresh AIP-122 task id.</summary>
    public static string NewTaskId() => "task-" + Guid.NewGuid().ToString("N")[..16];

    public static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>A research topic titled and coded with <paramref name="marker"/>, so filters on the marker find only it.</summary>
    public static TaskMessage Marked(string marker, string title = "Nghiên cứu phát triển khoai sọ Nậm Khao")
    {
        var task = ResearchTopic($"{title} {marker}");
        task.Code = $"ĐT.{marker.ToUpperInvariant()}/21";
        return task;
    }

    /// <summary>Creates a task and moves it through Select, Approve, Contract and Start into IN_PROGRESS.</summary>
    public static async Task<TaskMessage> StartedAsync(TasksService.TasksServiceClient client, TaskMessage task)
    {
        var created = await CreateAsync(client, task);
        const string actor = "Sở Khoa học và Công nghệ";
        await client.SelectTaskAsync(new SelectTaskRequest { Name = created.Name, Actor = actor });
        await client.ApproveTaskAsync(new ApproveTaskRequest { Name = created.Name, Actor = actor });
        await client.ContractTaskAsync(new ContractTaskRequest { Name = created.Name, Actor = actor });
        return await client.StartTaskAsync(new StartTaskRequest { Name = created.Name, Actor = actor });
    }
}
