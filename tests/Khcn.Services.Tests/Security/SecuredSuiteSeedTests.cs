using Khcn.Provinces.V1;
using Khcn.Security;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// With authentication on, Tasks and IntellectualProperty check their seeds' province codes against Provinces under
/// their own service token: the seeds are there from the start, as in a secure deployment.
/// </summary>
public sealed class SecuredSuiteSeedTests(SecuredSuiteFixture suite) : IClassFixture<SecuredSuiteFixture>
{
    [Fact]
    public async Task SeedsOfTasksAndIntellectualProperty_AreLoadedUnderTheirServiceTokens()
    {
        var token = suite.Keys.Mint(KhcnClaims.Scopes.Ministry);

        var overview = await new ProvincesService.ProvincesServiceClient(suite.Provinces).GetProvinceOverviewAsync(
            new GetProvinceOverviewRequest { Name = "provinces/12/overview" }, SecuredCalls.WithToken(token));

        Assert.Empty(overview.MissingParts);
        Assert.True(overview.TaskCounts.Sum(count => count.Count) > 0, "No tasks counted for Lai Châu: Tasks' seeds did not load.");
        Assert.True(overview.AssetCounts.Sum(count => count.Count) > 0, "No assets counted for Lai Châu: IntellectualProperty's seeds did not load.");
    }
}
