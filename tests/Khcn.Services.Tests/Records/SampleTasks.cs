using Khcn.Tasks.V1;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Services.Tests.Records;

/// <summary>Valid tasks for the tests that write some: each test changes what it needs on the returned message.</summary>
public static class SampleTasks
{
    /// <summary>
    /// A provincial research topic in Lai Châu (code 12, unchanged by the 2025 mergers) from 2021-03-01 to 2022-12-31,
    /// with a budget and one output.
    /// </summary>
    public static TaskMessage LaiChauTopic(string title = "Nghiên cứu phát triển khoai sọ Nậm Khao") => new()
    {
        Title = title,
        Kind = TaskKind.ResearchTopic,
        Level = TaskLevel.Provincial,
        ProvinceCode = "12",
        HostOrganisation = new Organisation { DisplayName = "Trung tâm Ứng dụng tiến bộ KH&CN Lai Châu", Address = "Lai Châu" },
        PrincipalInvestigator = "Nguyễn Văn An",
        Field = ResearchField.Agriculture,
        Subject = "khoai sọ Nậm Khao",
        StartDate = new Google.Type.Date { Year = 2021, Month = 3, Day = 1 },
        EndDate = new Google.Type.Date { Year = 2022, Month = 12, Day = 31 },
        Budget = new Budget { StateBudgetVnd = 1_200_000_000, OtherSourcesVnd = 300_000_000 },
        Outputs = { new TaskOutput { Kind = OutputKind.Process, Description = "Quy trình nhân giống khoai sọ" } },
    };
}
