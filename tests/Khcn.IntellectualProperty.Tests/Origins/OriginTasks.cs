using Khcn.Tasks.V1;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.IntellectualProperty.Tests.Origins;

/// <summary>S&amp;T tasks for assets to come from, created in the real Tasks service beside the IP service.</summary>
internal static class OriginTasks
{
    public const string HostName = "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ Lạng Sơn";
    public const string HostAddress = "Thành phố Lạng Sơn";

    /// <summary>A provincial research topic of Lạng Sơn (code 20) paid for by the state budget alone.</summary>
    public static TaskMessage FullyStateFunded(string marker) => Topic(marker, new Budget { StateBudgetVnd = 900_000_000 });

    /// <summary>The same topic co-funded by an enterprise: Art. 86a does not decide its results' owner.</summary>
    public static TaskMessage PartlyStateFunded(string marker) =>
        Topic(marker, new Budget { StateBudgetVnd = 900_000_000, OtherSourcesVnd = 300_000_000 });

    /// <summary>Creates <paramref name="task"/> and returns its name, "tasks/{task}".</summary>
    public static async Task<string> CreateAsync(TasksService.TasksServiceClient tasks, TaskMessage task) =>
        (await tasks.CreateTaskAsync(new CreateTaskRequest { Task = task })).Name;

    private static TaskMessage Topic(string marker, Budget budget) => new()
    {
        Title = $"Nghiên cứu bảo quản quả na Chi Lăng {marker}",
        Kind = TaskKind.ResearchTopic,
        Level = TaskLevel.Provincial,
        ProvinceCode = "20",
        HostOrganisation = new Organisation { DisplayName = HostName, Address = HostAddress },
        PrincipalInvestigator = "Hoàng Văn Minh",
        Field = ResearchField.Agriculture,
        Subject = "na Chi Lăng",
        StartDate = new Google.Type.Date { Year = 2017, Month = 1, Day = 1 },
        EndDate = new Google.Type.Date { Year = 2018, Month = 12, Day = 31 },
        Budget = budget,
    };
}
