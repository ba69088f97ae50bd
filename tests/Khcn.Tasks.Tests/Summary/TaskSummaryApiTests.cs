using Grpc.Core;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.Tests.Streams;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using Dimension = Khcn.Tasks.V1.SummarizeTasksRequest.Types.Dimension;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Summary;

/// <summary>
/// SummarizeTasks over the real service: each test loads its own varied tasks (titled with its marker, and filtered on
/// it) and computes the rows it expects from what it loaded.
/// </summary>
public abstract class TaskSummaryApiTests(TasksServiceFixture service)
{
    // Varied on every dimension, with repeats so groups hold several tasks. Year 0: no start date.
    private static readonly TaskSpec[] Specs =
    [
        new(TaskLevel.Provincial, State.Proposed, AcceptanceRating.Unspecified, TaskKind.ResearchTopic, 2021, ResearchField.Agriculture, "12", 1_200_000_000, 300_000_000),
        new(TaskLevel.Provincial, State.InProgress, AcceptanceRating.Unspecified, TaskKind.ResearchTopic, 2022, ResearchField.Agriculture, "12", 800_000_000, 0),
        new(TaskLevel.Provincial, State.Accepted, AcceptanceRating.Pass, TaskKind.PilotProductionProject, 2021, ResearchField.Industry, "45", 2_500_000_000, 1_000_000_000),
        new(TaskLevel.National, State.Accepted, AcceptanceRating.Excellent, TaskKind.ScienceTechnologyProject, 2019, ResearchField.Health, "44", 9_000_000_000, 4_500_000_000),
        new(TaskLevel.National, State.InProgress, AcceptanceRating.Unspecified, TaskKind.ResearchTopic, 2022, ResearchField.Agriculture, "01", 3_000_000_000, 0),
        new(TaskLevel.Ministerial, State.Failed, AcceptanceRating.Fail, TaskKind.ResearchTopic, 2020, ResearchField.Environment, "01", 600_000_000, 50_000_000),
        new(TaskLevel.Grassroots, State.Proposed, AcceptanceRating.Unspecified, TaskKind.ScientificScheme, 0, ResearchField.SocialSciencesAndHumanities, "12", 150_000_000, 0),
        new(TaskLevel.Provincial, State.Proposed, AcceptanceRating.Unspecified, TaskKind.ResearchTopic, 2021, ResearchField.Agriculture, "45", 450_000_000, 120_000_000),
    ];

    private TasksService.TasksServiceClient Client => service.Client;

    [Theory]
    [InlineData(Dimension.Level)]
    [InlineData(Dimension.State)]
    [InlineData(Dimension.Kind)]
    [InlineData(Dimension.Year)]
    [InlineData(Dimension.Field)]
    [InlineData(Dimension.Province)]
    public async Task Grouping_by_one_dimension_counts_and_sums_the_tasks_of_each_group(Dimension dimension)
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, [dimension]);

        Assert.Equal(Expected(Specs, [dimension]), summary.Rows.Select(RowFacts.Of));
    }

    [Theory]
    [InlineData(Dimension.Level, Dimension.State)]
    [InlineData(Dimension.State, Dimension.Level)]
    [InlineData(Dimension.Year, Dimension.Province, Dimension.Kind)]
    [InlineData(Dimension.Field, Dimension.Year)]
    [InlineData(Dimension.Province, Dimension.Field, Dimension.Level, Dimension.State, Dimension.Kind, Dimension.Year)]
    public async Task Grouping_by_several_dimensions_gives_one_row_per_combination_ordered_by_the_dimensions_in_turn(params Dimension[] dimensions)
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, dimensions);

        Assert.Equal(Expected(Specs, dimensions), summary.Rows.Select(RowFacts.Of));
    }

    [Fact]
    public async Task The_total_row_sums_every_row()
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, [Dimension.Level, Dimension.Year]);

        var expected = new RowFacts(
            default, default, default, 0, default, "",
            Specs.Length,
            Specs.Sum(s => s.StateBudget),
            Specs.Sum(s => s.OtherSources),
            Specs.Sum(s => s.StateBudget + s.OtherSources));
        Assert.Equal(expected, RowFacts.Of(summary.Total));
        Assert.Equal(summary.Rows.Sum(r => r.TotalBudgetVnd), summary.Total.TotalBudgetVnd);
    }

    [Fact]
    public async Task Without_dimensions_the_one_row_is_the_total()
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, []);

        var row = Assert.Single(summary.Rows);
        Assert.Equal(summary.Total, row);
        Assert.Equal(Specs.Length, row.TaskCount);
    }

    [Fact]
    public async Task No_matching_task_gives_no_rows_and_a_zero_total()
    {
        var summary = await SummarizeAsync(Marker(), [Dimension.State]);

        Assert.Empty(summary.Rows);
        Assert.Equal(new TaskSummaryRow(), summary.Total);
    }

    [Fact]
    public async Task A_province_covers_the_closed_codes_of_its_lineage()
    {
        var marker = await LoadSpecsAsync();
        var inLineage = Specs.Where(s => s.Province is "44" or "45").ToList();

        // 44 is today's Quảng Trị; the old Quảng Trị (45) merged into it, so its tasks count for 44.
        var summary = await SummarizeAsync(marker, [Dimension.Province], "44");

        Assert.Equal(Expected(inLineage, [Dimension.Province]), summary.Rows.Select(RowFacts.Of));
        Assert.Equal(["44", "45"], summary.Rows.Select(r => r.ProvinceCode));
        Assert.Equal(inLineage.Count, summary.Total.TaskCount);
    }

    [Fact]
    public async Task A_closed_code_covers_the_same_lineage_as_its_successor()
    {
        var marker = await LoadSpecsAsync();

        var byClosedCode = await SummarizeAsync(marker, [Dimension.Province, Dimension.State], "45");
        var bySuccessor = await SummarizeAsync(marker, [Dimension.Province, Dimension.State], "44");

        Assert.Equal(bySuccessor, byClosedCode);
    }

    [Fact]
    public async Task Several_provinces_are_covered_together()
    {
        var marker = await LoadSpecsAsync();
        var covered = Specs.Where(s => s.Province is "01" or "12").ToList();

        var summary = await SummarizeAsync(marker, [Dimension.Level], "01", "12");

        Assert.Equal(Expected(covered, [Dimension.Level]), summary.Rows.Select(RowFacts.Of));
    }

    [Fact]
    public async Task The_filter_narrows_the_tasks_before_grouping()
    {
        var marker = await LoadSpecsAsync();
        var inProgressOrAccepted = Specs.Where(s => s.State is State.InProgress or State.Accepted).ToList();

        var summary = await Client.SummarizeTasksAsync(new SummarizeTasksRequest
        {
            Filter = $"title:\"{marker}\" AND (state = IN_PROGRESS OR state = ACCEPTED)",
            GroupBy = { Dimension.Kind },
        });

        Assert.Equal(Expected(inProgressOrAccepted, [Dimension.Kind]), summary.Rows.Select(RowFacts.Of));
    }

    [Fact]
    public async Task Unspecified_and_repeated_dimensions_are_rejected_by_position()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.SummarizeTasksAsync(new SummarizeTasksRequest
        {
            GroupBy = { Dimension.Level, Dimension.Unspecified, Dimension.State, Dimension.Level },
        }));

        Assert.Equal(["group_by[1]", "group_by[3]"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task Malformed_and_unknown_province_codes_are_rejected_by_position()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.SummarizeTasksAsync(new SummarizeTasksRequest
        {
            ProvinceCodes = { "12", "4", "99", "provinces/44", "45" },
        }));

        Assert.Equal(["province_codes[1]", "province_codes[2]", "province_codes[3]"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_malformed_filter_is_rejected()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.SummarizeTasksAsync(new SummarizeTasksRequest
        {
            Filter = "budget > 5",
            GroupBy = { Dimension.Level },
        }));

        Assert.Equal(["filter"], RpcErrorAssert.ViolatedFields(status));
    }

    /// <summary>Imports <see cref="Specs"/> titled with a new marker (one call) and returns the marker.</summary>
    private async Task<string> LoadSpecsAsync()
    {
        var marker = Marker();
        var response = await StreamCalls.ImportAsync(Client, Specs.Select(s => StreamCalls.Record(s.ToTask(marker))));
        Assert.Equal(Specs.Length, response.CreatedCount);
        return marker;
    }

    private Task<SummarizeTasksResponse> SummarizeAsync(string marker, Dimension[] dimensions, params string[] provinceCodes) =>
        Client.SummarizeTasksAsync(new SummarizeTasksRequest
        {
            Filter = $"title:\"{marker}\"",
            GroupBy = { dimensions },
            ProvinceCodes = { provinceCodes },
        }).ResponseAsync;

    /// <summary>The rows the contract promises for <paramref name="specs"/>: one per combination, ordered dimension by dimension.</summary>
    private static IEnumerable<RowFacts> Expected(IReadOnlyList<TaskSpec> specs, Dimension[] dimensions)
    {
        var rows = specs
            .GroupBy(s => s.KeyFor(dimensions))
            .Select(g => g.Key with
            {
                TaskCount = g.Count(),
                StateBudget = g.Sum(s => s.StateBudget),
                OtherSources = g.Sum(s => s.OtherSources),
                TotalBudget = g.Sum(s => s.StateBudget + s.OtherSources),
            });

        IOrderedEnumerable<RowFacts> ordered = rows.OrderBy(_ => 0);
        foreach (var dimension in dimensions)
        {
            ordered = dimension switch
            {
                Dimension.Level => ordered.ThenBy(r => (int)r.Level),
                Dimension.State => ordered.ThenBy(r => (int)r.State),
                Dimension.Kind => ordered.ThenBy(r => (int)r.Kind),
                Dimension.Year => ordered.ThenBy(r => r.Year),
                Dimension.Field => ordered.ThenBy(r => (int)r.Field),
                _ => ordered.ThenBy(r => r.Province, StringComparer.Ordinal),
            };
        }

        return ordered.ToList();
    }

    /// <summary>One test task's values on every dimension and its budget.</summary>
    private sealed record TaskSpec(
        TaskLevel Level,
        State State,
        AcceptanceRating Rating,
        TaskKind Kind,
        int Year,
        ResearchField Field,
        string Province,
        long StateBudget,
        long OtherSources)
    {
        public TaskMessage ToTask(string marker)
        {
            var task = ResearchTopic($"Nhiệm vụ tổng hợp {marker}");
            task.Level = Level;
            task.State = State;
            task.AcceptanceRating = Rating;
            task.Kind = Kind;
            task.Field = Field;
            task.ProvinceCode = Province;
            task.StartDate = Year == 0 ? null : Day(Year, 3, 1);
            task.EndDate = Year == 0 ? null : Day(Year + 1, 12, 31);
            task.Budget = new Budget { StateBudgetVnd = StateBudget, OtherSourcesVnd = OtherSources };
            return task;
        }

        /// <summary>The row key: this task's value on each grouped dimension, the default elsewhere.</summary>
        public RowFacts KeyFor(Dimension[] dimensions) => new(
            dimensions.Contains(Dimension.Level) ? Level : default,
            dimensions.Contains(Dimension.State) ? State : default,
            dimensions.Contains(Dimension.Kind) ? Kind : default,
            dimensions.Contains(Dimension.Year) ? Year : 0,
            dimensions.Contains(Dimension.Field) ? Field : default,
            dimensions.Contains(Dimension.Province) ? Province : "",
            0, 0, 0, 0);
    }

    /// <summary>A summary row as comparable values.</summary>
    private sealed record RowFacts(
        TaskLevel Level,
        State State,
        TaskKind Kind,
        int Year,
        ResearchField Field,
        string Province,
        int TaskCount,
        long StateBudget,
        long OtherSources,
        long TotalBudget)
    {
        public static RowFacts Of(TaskSummaryRow row) => new(
            row.Level, row.State, row.Kind, row.Year, row.Field, row.ProvinceCode,
            row.TaskCount, row.StateBudgetVnd, row.OtherSourcesVnd, row.TotalBudgetVnd);
    }
}

public sealed class TaskSummaryApiTestsOnSqlite(SqliteTasksService service) : TaskSummaryApiTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskSummaryApiTestsOnPostgreSql(PostgreSqlTasksService service) : TaskSummaryApiTests(service), IClassFixture<PostgreSqlTasksService>;
