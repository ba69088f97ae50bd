using Khcn.Provinces.V1;
using Khcn.Security;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// A service calling another on behalf of its caller forwards the caller's token: the service called decides by
/// the original caller's scopes, not by who the intermediate service is.
/// </summary>
public sealed class IdentityPropagationTests(SecuredSuiteFixture suite) : IClassFixture<SecuredSuiteFixture>
{
    private static readonly GetProvinceOverviewRequest QuangTriOverview = new() { Name = "provinces/44/overview" };

    [Fact]
    public async Task MinistryOverview_TasksAndIntellectualPropertyAnswerTheForwardedToken()
    {
        var token = suite.Keys.Mint(KhcnClaims.Scopes.Ministry);

        var overview = await new ProvincesService.ProvincesServiceClient(suite.Provinces)
            .GetProvinceOverviewAsync(QuangTriOverview, SecuredCalls.WithToken(token));

        Assert.Empty(overview.MissingParts);
        Assert.Equal("Quảng Trị", overview.Province.DisplayName);
    }

    [Fact]
    public async Task ProvincesOnlyCaller_OverviewCountsAreDeniedDownstreamByTheCallersScopes()
    {
        var token = suite.Keys.Mint(KhcnClaims.Scopes.ProvincesRead);

        var overview = await new ProvincesService.ProvincesServiceClient(suite.Provinces)
            .GetProvinceOverviewAsync(QuangTriOverview, SecuredCalls.WithToken(token));

        // Tasks and IntellectualProperty saw this caller (no tasks.read, no ip.read), not an anonymous call.
        Assert.Equal(2, overview.MissingParts.Count);
        Assert.All(overview.MissingParts, part => Assert.Equal("PERMISSION_DENIED", part.StatusCode));
    }
}
