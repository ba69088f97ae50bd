using Khcn.Provinces.Tests.Infrastructure;
using static Khcn.Provinces.Tests.Overview.OverviewAssertions;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>No address is configured for Tasks (services:tasks:http:0); IntellectualProperty is an older build without SummarizeAssets.</summary>
public abstract class OverviewWithMisconfiguredDependenciesTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ProvincesServiceFixture
{
    [Fact]
    public async Task Dependency_without_a_configured_address_is_missing_UNAVAILABLE_and_says_so()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        var missing = SingleMissing(overview, "task_counts");
        Assert.Equal("khcn.tasks.v1.TasksService", missing.Service);
        Assert.Equal("UNAVAILABLE", missing.StatusCode);
        Assert.Contains("not configured", missing.Message, StringComparison.Ordinal);
        Assert.Contains("services:tasks:http:0", missing.Message, StringComparison.Ordinal);
        HoldsTheLocalParts(overview);
    }

    [Fact]
    public async Task Dependency_without_the_method_is_missing_UNIMPLEMENTED()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        var assets = SingleMissing(overview, "asset_counts");
        Assert.Equal("khcn.ip.v1.IntellectualPropertyService", assets.Service);
        Assert.Equal("UNIMPLEMENTED", assets.StatusCode);
        Assert.Empty(overview.AssetCounts);
    }
}

public sealed class OverviewWithMisconfiguredDependenciesOnSqlite(MisconfiguredDependenciesOnSqlite service)
    : OverviewWithMisconfiguredDependenciesTests<MisconfiguredDependenciesOnSqlite>(service);

public sealed class OverviewWithMisconfiguredDependenciesOnPostgreSql(MisconfiguredDependenciesOnPostgreSql service)
    : OverviewWithMisconfiguredDependenciesTests<MisconfiguredDependenciesOnPostgreSql>(service);
