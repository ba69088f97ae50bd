using Khcn.Aip;
using Khcn.Tasks.V1;
using Dimension = Khcn.Tasks.V1.SummarizeTasksRequest.Types.Dimension;

namespace Khcn.Tasks.Application.Summary;

/// <summary>Turns the database's groups into the response: rows ordered by the dimensions in request order, and the total.</summary>
public static class TaskSummaryRows
{
    public static SummarizeTasksResponse Build(IReadOnlyList<TaskSummaryGroup> groups, IReadOnlyList<Dimension> dimensions)
    {
        var total = new TaskSummaryRow();
        var response = new SummarizeTasksResponse { Total = total };
        try
        {
            foreach (var group in Order(groups, dimensions))
            {
                var row = ToRow(group);
                response.Rows.Add(row);

                // Budgets are whole đồng in 64 bits: a total that does not fit must fail, never wrap.
                total.TaskCount = checked(total.TaskCount + row.TaskCount);
                total.StateBudgetVnd = checked(total.StateBudgetVnd + row.StateBudgetVnd);
                total.OtherSourcesVnd = checked(total.OtherSourcesVnd + row.OtherSourcesVnd);
                total.TotalBudgetVnd = checked(total.TotalBudgetVnd + row.TotalBudgetVnd);
            }
        }
        catch (OverflowException e)
        {
            throw new ApiException(
                ApiErrorCode.OutOfRange,
                "SUMMARY_TOTAL_OVERFLOW",
                "The budget total of the selected tasks does not fit in 64 bits: narrow the summary with province_codes or filter.",
                innerException: e);
        }

        return response;
    }

    private static TaskSummaryRow ToRow(TaskSummaryGroup group) => new()
    {
        // Dimensions not grouped by hold their default in the key, which is "unset" on the wire.
        Level = group.Key.Level,
        State = group.Key.State,
        Kind = group.Key.Kind,
        Year = group.Key.Year,
        Field = group.Key.Field,
        ProvinceCode = group.Key.ProvinceCode,
        TaskCount = group.TaskCount,
        StateBudgetVnd = group.StateBudgetVnd,
        OtherSourcesVnd = group.OtherSourcesVnd,
        TotalBudgetVnd = checked(group.StateBudgetVnd + group.OtherSourcesVnd),
    };

    // Few rows (one per combination present): ordering here keeps the SQL the same for every dimension order. A
    // summary without dimensions is one aggregate, which SQL answers with a row even when no task matches: drop it.
    private static IEnumerable<TaskSummaryGroup> Order(IReadOnlyList<TaskSummaryGroup> groups, IReadOnlyList<Dimension> dimensions) =>
        groups.Where(g => g.TaskCount > 0).OrderBy(g => g.Key, TaskSummaryKey.Columns.Order(dimensions));
}
