using System.Linq.Expressions;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using Dimension = Khcn.Tasks.V1.SummarizeTasksRequest.Types.Dimension;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Application.Summary;

/// <summary>
/// The group of a summary row: always the same six columns, the ones not grouped by held at their default value.
/// One key shape serves every combination of dimensions; the providers leave constant key parts out of GROUP BY, so
/// the SQL groups by exactly the chosen columns.
/// </summary>
public sealed class TaskSummaryKey
{
    public TaskLevel Level { get; init; }

    public State State { get; init; }

    public TaskKind Kind { get; init; }

    public int Year { get; init; }

    public ResearchField Field { get; init; }

    public string ProvinceCode { get; init; } = "";

    /// <summary>
    /// <c>t =&gt; new TaskSummaryKey { Level = t.Level, State = default, … }</c> with a column for each grouped dimension
    /// and a constant for every other: built as a tree because a captured flag would become a query parameter, which
    /// the providers keep in GROUP BY.
    /// </summary>
    public static Expression<Func<ScienceTask, TaskSummaryKey>> Selector(IReadOnlyCollection<Dimension> dimensions)
    {
        var task = Expression.Parameter(typeof(ScienceTask), "t");

        MemberAssignment Bind<TValue>(string keyMember, Dimension dimension, string taskMember, TValue unused) =>
            Expression.Bind(
                typeof(TaskSummaryKey).GetProperty(keyMember)!,
                dimensions.Contains(dimension)
                    ? Expression.Property(task, taskMember)
                    : Expression.Constant(unused, typeof(TValue)));

        var body = Expression.MemberInit(
            Expression.New(typeof(TaskSummaryKey)),
            Bind(nameof(Level), Dimension.Level, nameof(ScienceTask.Level), default(TaskLevel)),
            Bind(nameof(State), Dimension.State, nameof(ScienceTask.State), default(State)),
            Bind(nameof(Kind), Dimension.Kind, nameof(ScienceTask.Kind), default(TaskKind)),
            Bind(nameof(Year), Dimension.Year, nameof(ScienceTask.StartYear), 0),
            Bind(nameof(Field), Dimension.Field, nameof(ScienceTask.Field), default(ResearchField)),
            Bind(nameof(ProvinceCode), Dimension.Province, nameof(ScienceTask.ProvinceCode), ""));
        return Expression.Lambda<Func<ScienceTask, TaskSummaryKey>>(body, task);
    }
}

/// <summary>One group as the database returns it: its key, how many tasks and the sums of their two budget sources.</summary>
public sealed record TaskSummaryGroup(TaskSummaryKey Key, int TaskCount, long StateBudgetVnd, long OtherSourcesVnd);
