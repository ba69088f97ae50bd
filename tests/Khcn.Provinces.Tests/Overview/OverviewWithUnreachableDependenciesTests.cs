using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.V1;
using static Khcn.Provinces.Tests.Overview.OverviewAssertions;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>Tasks and IntellectualProperty have addresses, but nothing listens there.</summary>
public abstract class OverviewWithUnreachableDependenciesTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ProvincesServiceFixture
{
    [Fact]
    public async Task Unreachable_dependencies_are_listed_as_missing_parts_UNAVAILABLE()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        Assert.Equal(2, overview.MissingParts.Count);
        var tasks = SingleMissing(overview, "task_counts");
        Assert.Equal("khcn.tasks.v1.TasksService", tasks.Service);
        Assert.Equal("UNAVAILABLE", tasks.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(tasks.Message));
        var assets = SingleMissing(overview, "asset_counts");
        Assert.Equal("khcn.ip.v1.IntellectualPropertyService", assets.Service);
        Assert.Equal("UNAVAILABLE", assets.StatusCode);
        Assert.Empty(overview.TaskCounts);
        Assert.Empty(overview.AssetCounts);
    }

    [Fact]
    public async Task Overview_without_its_counts_still_holds_the_local_parts_of_the_whole_lineage()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        HoldsTheLocalParts(overview);
    }

    [Fact]
    public async Task Latest_engagement_and_open_recommendations_are_those_the_lineage_filters_find()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        var engagements = await service.Client.ListEngagementsAsync(new ListEngagementsRequest
        {
            Filter = $"province = \"{QuangTri}\"",
            OrderBy = "date desc",
        });
        Assert.Equal(engagements.Engagements[0], overview.LatestEngagement);
        var open = await service.Client.ListRecommendationsAsync(new ListRecommendationsRequest
        {
            Filter = $"province = \"{QuangTri}\" AND open = true",
            PageSize = 1000,
        });
        Assert.Equal(open.Recommendations.Select(r => r.Name), overview.OpenRecommendations.Select(r => r.Name));
        Assert.All(overview.OpenRecommendations, r =>
            Assert.True(r.State is not Recommendation.Types.State.Answered and not Recommendation.Types.State.Declined, r.Name));
    }

    [Fact]
    public async Task Open_recommendations_are_listed_oldest_first()
    {
        var overview = await service.Client.GetProvinceOverviewAsync(QuangTriOverview);

        var raised = overview.OpenRecommendations.Select(r => r.RaiseTime.ToDateTime()).ToList();
        Assert.True(raised.Count > 1, "the seeds hold several open recommendations for Quảng Trị");
        Assert.Equal(raised.Order(), raised);
    }

    [Fact]
    public async Task Overview_of_an_unknown_province_is_NOT_FOUND()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Name = "provinces/99/overview" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Overview_name_must_follow_the_pattern()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Name = "provinces/44" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        Assert.Contains(badRequest!.FieldViolations, violation => violation.Field == "name");
    }
}

public sealed class OverviewWithUnreachableDependenciesOnSqlite(UnreachableDependenciesOnSqlite service)
    : OverviewWithUnreachableDependenciesTests<UnreachableDependenciesOnSqlite>(service);

public sealed class OverviewWithUnreachableDependenciesOnPostgreSql(UnreachableDependenciesOnPostgreSql service)
    : OverviewWithUnreachableDependenciesTests<UnreachableDependenciesOnPostgreSql>(service);
