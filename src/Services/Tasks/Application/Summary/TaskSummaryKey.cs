using Khcn.Aip;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using Dimension = Khcn.Tasks.V1.SummarizeTasksRequest.Types.Dimension;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Application.Summary;

/// <summary>
/// The group of a summary row: always the same six columns, the ones not grouped by held at their default value.
/// One key shape serves every combination of dimensions (see <see cref="SummaryColumns{TEntity,TKey,TDimension}"/>).
/// </summary>
public sealed class TaskSummaryKey
{
    /// <summary>Which task column each dimension groups by.</summary>
    public static readonly SummaryColumns<ScienceTask, TaskSummaryKey, Dimension> Columns = new SummaryColumns<ScienceTask, TaskSummaryKey, Dimension>()
        .Add(Dimension.Level, k => k.Level, t => t.Level)
        .Add(Dimension.State, k => k.State, t => t.State)
        .Add(Dimension.Kind, k => k.Kind, t => t.Kind)
        .Add(Dimension.Year, k => k.Year, t => t.StartYear)
        .Add(Dimension.Field, k => k.Field, t => t.Field)
        .Add(Dimension.Province, k => k.ProvinceCode, t => t.ProvinceCode);

    public TaskLevel Level { get; init; }

    public State State { get; init; }

    public TaskKind Kind { get; init; }

    public int Year { get; init; }

    public ResearchField Field { get; init; }

    public string ProvinceCode { get; init; } = "";
}

/// <summary>One group as the database returns it: its key, how many tasks and the sums of their two budget sources.</summary>
public sealed record TaskSummaryGroup(TaskSummaryKey Key, int TaskCount, long StateBudgetVnd, long OtherSourcesVnd);
