using Khcn.IntellectualProperty.Application.Origins;

namespace Khcn.IntellectualProperty.Tests.Origins;

/// <summary>IP Law Art. 86a as a pure rule: which results of which tasks belong to the task's host organisation.</summary>
public sealed class StateFundedResultsTests
{
    private static OriginTask Funded(long state, long other) =>
        new("tasks/na-chi-lang", "Trung tâm Ứng dụng tiến bộ KH&CN Lạng Sơn", "Lạng Sơn", state, other);

    [Theory]
    [InlineData(AssetKind.Invention)]
    [InlineData(AssetKind.UtilitySolution)]
    [InlineData(AssetKind.IndustrialDesign)]
    public void Inventions_utility_solutions_and_designs_of_a_wholly_state_funded_task_belong_to_its_host(AssetKind kind)
    {
        var holder = StateFundedResults.LawfulHolder(kind, Funded(500_000_000, 0));

        Assert.Equal(new Holder { DisplayName = "Trung tâm Ứng dụng tiến bộ KH&CN Lạng Sơn", Address = "Lạng Sơn" }, holder);
    }

    [Theory]
    [InlineData(AssetKind.Mark, 500_000_000, 0)]
    [InlineData(AssetKind.GeographicalIndication, 500_000_000, 0)]
    [InlineData(AssetKind.Unspecified, 500_000_000, 0)]
    [InlineData(AssetKind.Invention, 500_000_000, 1)]
    [InlineData(AssetKind.Invention, 0, 0)]
    [InlineData(AssetKind.Invention, 0, 500_000_000)]
    public void Marks_indications_and_results_of_tasks_not_wholly_state_funded_are_outside_the_rule(AssetKind kind, long state, long other)
    {
        Assert.Null(StateFundedResults.LawfulHolder(kind, Funded(state, other)));
    }

    [Theory]
    [InlineData("trung tam ung dung tien bo kh&cn lang son", true)]
    [InlineData("  TRUNG TÂM ỨNG DỤNG   TIẾN BỘ KH&CN LẠNG SƠN ", true)]
    [InlineData("Trung tâm Ứng dụng tiến bộ KH&CN Lai Châu", false)]
    [InlineData("", false)]
    public void The_host_is_recognised_ignoring_case_diacritics_and_spacing(string given, bool same)
    {
        Assert.Equal(same, StateFundedResults.IsSameHolder(given, "Trung tâm Ứng dụng tiến bộ KH&CN Lạng Sơn"));
    }
}
