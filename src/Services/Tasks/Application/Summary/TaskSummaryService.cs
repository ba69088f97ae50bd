using Khcn.Aip;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Tasks.Application.Summary;

/// <summary>
/// SummarizeTasks: task counts and budget totals for the whole country or a set of provinces (each with its merger
/// lineage), grouped by the requested dimensions. Grouping and sums run in SQL, so a summary over the whole register
/// reads one row per group, never the tasks themselves.
/// </summary>
public sealed class TaskSummaryService(TasksDbContext db, IProvinceReference provinces)
{
    public async Task<SummarizeTasksResponse> SummarizeAsync(SummarizeTasksRequest request, CancellationToken cancellationToken)
    {
        var validator = new Validator();
        var dimensions = GroupByDimensions.Read(validator, request.GroupBy);
        var provinceScope = await ProvinceLineageScope.ReadAsync(
            provinces, validator, request.ProvinceCodes, "province_codes", cancellationToken);
        validator.ThrowIfInvalid("The summary request has invalid fields.");

        var tasks = await TaskFilters.Schemas.MatchingAsync(
            db.Tasks.AsNoTracking(), provinces, request.Filter, provinceScope, cancellationToken);
        var groups = await tasks
            .GroupBy(TaskSummaryKey.Columns.Selector(dimensions))
            .Select(g => new TaskSummaryGroup(
                g.Key,
                g.Count(),
                g.Sum(t => t.StateBudgetVnd),
                g.Sum(t => t.OtherSourcesVnd)))
            .ToListAsync(cancellationToken);

        return TaskSummaryRows.Build(groups, dimensions);
    }
}
