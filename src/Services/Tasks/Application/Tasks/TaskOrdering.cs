using Khcn.Aip;
using Khcn.Tasks.Domain.Tasks;

namespace Khcn.Tasks.Application.Tasks;

/// <summary>The order_by fields of ListTasks (AIP-132), also offered by ExportTasks.</summary>
public static class TaskOrdering
{
    public static readonly OrderBySchema<ScienceTask> Fields = new OrderBySchema<ScienceTask>()
        .Field("start_date", t => t.StartDate)
        .Field("end_date", t => t.EndDate)
        .Field("code", t => t.Code)
        .Field("create_time", t => t.CreateTime)
        .Field("update_time", t => t.UpdateTime)
        .Field("budget.total_vnd", t => t.TotalBudgetVnd)
        .Field("name", t => t.Id);
}
