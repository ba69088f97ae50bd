using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Task = System.Threading.Tasks.Task;
using static Khcn.Provinces.Tests.Overview.OverviewAssertions;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>Tasks and IntellectualProperty are real gRPC servers that answer and record what they were asked.</summary>
public abstract class OverviewWithAnsweringDependenciesTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ProvincesServiceFixture, IAnsweringFixture
{
    [Fact]
    public async Task Task_counts_are_the_rows_the_Tasks_service_answers()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        var expected = service.Ledger.TaskAnswer.Rows.Select(row => (row.Level, row.State, row.TaskCount));
        Assert.Equal(expected, overview.TaskCounts.Select(count => (count.Level, count.State, count.Count)));
    }

    [Fact]
    public async Task Asset_counts_are_the_rows_the_IntellectualProperty_service_answers()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        var expected = service.Ledger.AssetAnswer.Rows.Select(row => (row.Kind, row.State, row.AssetCount));
        Assert.Equal(expected, overview.AssetCounts.Select(count => (count.Kind, count.State, count.Count)));
    }

    [Fact]
    public async Task Tasks_are_summarized_for_the_province_code_by_level_then_state()
    {
        await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        Assert.NotEmpty(service.Ledger.TaskRequests);
        Assert.All(service.Ledger.TaskRequests, request =>
        {
            Assert.Equal(["44"], request.ProvinceCodes);
            Assert.Equal([SummarizeTasksRequest.Types.Dimension.Level, SummarizeTasksRequest.Types.Dimension.State], request.GroupBy);
        });
    }

    [Fact]
    public async Task Assets_are_summarized_for_the_province_code_by_kind_then_state()
    {
        await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        Assert.NotEmpty(service.Ledger.AssetRequests);
        Assert.All(service.Ledger.AssetRequests, request =>
        {
            Assert.Equal(["44"], request.ProvinceCodes);
            Assert.Equal([SummarizeAssetsRequest.Types.Dimension.Kind, SummarizeAssetsRequest.Types.Dimension.State], request.GroupBy);
        });
    }

    [Fact]
    public async Task Overview_with_every_dependency_answering_has_no_missing_parts()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        Assert.Empty(overview.MissingParts);
        HoldsTheLocalParts(overview);
    }
}

public sealed class OverviewWithAnsweringDependenciesOnSqlite(AnsweringDependenciesOnSqlite service)
    : OverviewWithAnsweringDependenciesTests<AnsweringDependenciesOnSqlite>(service);

public sealed class OverviewWithAnsweringDependenciesOnPostgreSql(AnsweringDependenciesOnPostgreSql service)
    : OverviewWithAnsweringDependenciesTests<AnsweringDependenciesOnPostgreSql>(service);
