using Khcn.Aip;
using Khcn.Tasks.Data;
using ProgrammeRow = Khcn.Tasks.Domain.Programmes.Programme;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Tasks.Tests.Tasks;

/// <summary>Set-up and read-back steps shared by the Task resource's tests.</summary>
internal static class TaskTestSupport
{
    /// <summary>
    /// A programme stored directly (not through CreateProgramme), so these tests exercise the Task methods only.
    /// Returns its resource name.
    /// </summary>
    public static async Task<string> AddProgrammeAsync(TasksServiceFixture service)
    {
        var id = "prog-" + Guid.NewGuid().ToString("N")[..12];
        using var scope = service.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<RecordClock>().UtcNow();
        db.Programmes.Add(new ProgrammeRow
        {
            Id = id,
            DisplayName = "Chương trình hỗ trợ ứng dụng, chuyển giao tiến bộ KH&CN",
            FoldedName = TextFolding.Fold("Chương trình hỗ trợ ứng dụng, chuyển giao tiến bộ KH&CN"),
            Level = TaskLevel.National,
            StartYear = 2016,
            EndYear = 2025,
            Version = 1,
            CreateTime = now,
            UpdateTime = now,
        });
        await db.SaveChangesAsync();
        return $"programmes/{id}";
    }

    /// <summary>The task's history, oldest first.</summary>
    public static async Task<IReadOnlyList<TaskEvent>> EventsAsync(TasksService.TasksServiceClient client, string taskName)
    {
        var response = await client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = taskName, PageSize = 1000 });
        return response.TaskEvents;
    }

    /// <summary>The names of the tasks matching <paramref name="filter"/>, in list order (one page of up to 1000).</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(TasksService.TasksServiceClient client, string filter, string orderBy = "")
    {
        var response = await client.ListTasksAsync(new ListTasksRequest { Filter = filter, OrderBy = orderBy, PageSize = 1000 });
        return [.. response.Tasks.Select(t => t.Name)];
    }
}
