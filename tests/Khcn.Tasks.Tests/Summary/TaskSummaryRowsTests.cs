using Khcn.Aip;
using Khcn.Tasks.Application.Summary;
using Khcn.Tasks.V1;
using Dimension = Khcn.Tasks.V1.SummarizeTasksRequest.Types.Dimension;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Tests.Summary;

/// <summary>The in-memory half of SummarizeTasks: ordering the database's groups and adding up the total.</summary>
public sealed class TaskSummaryRowsTests
{
    [Fact]
    public void Rows_are_ordered_by_the_first_dimension_then_the_next()
    {
        TaskSummaryGroup[] groups =
        [
            Group(new() { State = State.Accepted, Level = TaskLevel.National }, 1),
            Group(new() { State = State.Proposed, Level = TaskLevel.Provincial }, 2),
            Group(new() { State = State.Proposed, Level = TaskLevel.National }, 3),
        ];

        var response = TaskSummaryRows.Build(groups, [Dimension.State, Dimension.Level]);

        Assert.Equal([3, 2, 1], response.Rows.Select(r => r.TaskCount));
    }

    [Fact]
    public void The_single_aggregate_row_of_an_empty_selection_is_dropped()
    {
        var response = TaskSummaryRows.Build([Group(new TaskSummaryKey(), 0)], []);

        Assert.Empty(response.Rows);
        Assert.Equal(0, response.Total.TaskCount);
    }

    [Fact]
    public void A_total_budget_beyond_64_bits_fails_out_of_range_instead_of_wrapping()
    {
        TaskSummaryGroup[] groups =
        [
            new(new TaskSummaryKey { Year = 2020 }, 1, long.MaxValue / 2, 0),
            new(new TaskSummaryKey { Year = 2021 }, 1, long.MaxValue / 2, 0),
            new(new TaskSummaryKey { Year = 2022 }, 1, long.MaxValue / 2, 0),
        ];

        var error = Assert.Throws<ApiException>(() => TaskSummaryRows.Build(groups, [Dimension.Year]));

        Assert.Equal((ApiErrorCode.OutOfRange, "SUMMARY_TOTAL_OVERFLOW"), (error.Code, error.Reason));
    }

    private static TaskSummaryGroup Group(TaskSummaryKey key, int count) => new(key, count, count * 1_000L, count * 10L);
}
