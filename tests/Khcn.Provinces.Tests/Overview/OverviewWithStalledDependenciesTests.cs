using Khcn.Provinces.Tests.Infrastructure;
using static Khcn.Provinces.Tests.Overview.OverviewAssertions;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>Tasks and IntellectualProperty accept the calls and never answer; the overview's deadline is 300 ms here.</summary>
public abstract class OverviewWithStalledDependenciesTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ProvincesServiceFixture
{
    [Fact]
    public async Task Dependency_that_never_answers_is_missing_DEADLINE_EXCEEDED_and_the_overview_still_arrives()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        var tasks = SingleMissing(overview, "task_counts");
        Assert.Equal("khcn.tasks.v1.TasksService", tasks.Service);
        Assert.Equal("DEADLINE_EXCEEDED", tasks.StatusCode);
        var assets = SingleMissing(overview, "asset_counts");
        Assert.Equal("DEADLINE_EXCEEDED", assets.StatusCode);
        Assert.Empty(overview.TaskCounts);
        Assert.Empty(overview.AssetCounts);
        HoldsTheLocalParts(overview);
    }
}

public sealed class OverviewWithStalledDependenciesOnSqlite(StalledDependenciesOnSqlite service)
    : OverviewWithStalledDependenciesTests<StalledDependenciesOnSqlite>(service);

public sealed class OverviewWithStalledDependenciesOnPostgreSql(StalledDependenciesOnPostgreSql service)
    : OverviewWithStalledDependenciesTests<StalledDependenciesOnPostgreSql>(service);
