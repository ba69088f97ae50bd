using Grpc.Core;
using Khcn.Provinces.V1;
using Khcn.Security;
using Khcn.Tasks.V1;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// Each method needs its service's scope: <c>&lt;service&gt;.read</c> (or the Ministry's) for Get/List/…,
/// <c>&lt;service&gt;.write</c> for everything else; the service is the proto package's middle part.
/// </summary>
public sealed class ScopeAuthorizationTests(SecuredSuiteFixture suite) : IClassFixture<SecuredSuiteFixture>
{
    private ProvincesService.ProvincesServiceClient Provinces => new(suite.Provinces);

    [Fact]
    public async Task ProvincesReadScope_MayListProvinces()
    {
        var token = suite.Keys.Mint(KhcnClaims.Scopes.ProvincesRead);

        var response = await Provinces.ListProvincesAsync(new ListProvincesRequest(), SecuredCalls.WithToken(token));

        Assert.NotEmpty(response.Provinces);
    }

    [Fact]
    public async Task ProvincesReadScope_MayNotWrite_PermissionDeniedNamingProvincesWrite()
    {
        var token = suite.Keys.Mint(new TokenShape([KhcnClaims.Scopes.ProvincesRead]) { Provinces = ["44"] });

        var error = await Assert.ThrowsAsync<RpcException>(() => Provinces.CreateEngagementAsync(
            new CreateEngagementRequest { Engagement = new Engagement { Province = "provinces/44" } },
            SecuredCalls.WithToken(token)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var info = SecuredCalls.ErrorInfoOf(error);
        Assert.Equal("MISSING_SCOPE", info.Type);
        Assert.Equal("khcn.gov.vn", info.Domain);
        Assert.Equal("provinces.write", info.Metadata["required_scope"]);
        Assert.Equal("/khcn.provinces.v1.ProvincesService/CreateEngagement", info.Metadata["method"]);
    }

    [Fact]
    public async Task MinistryScope_ReadsProvinces()
    {
        var token = suite.Keys.Mint(KhcnClaims.Scopes.Ministry);

        var province = await Provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/20" }, SecuredCalls.WithToken(token));

        Assert.Equal("Lạng Sơn", province.DisplayName);
    }

    [Fact]
    public async Task MinistryScope_GrantsNoWrite()
    {
        var token = suite.Keys.Mint(new TokenShape([KhcnClaims.Scopes.Ministry]) { Provinces = ["44"] });

        var error = await Assert.ThrowsAsync<RpcException>(() => Provinces.CreateEngagementAsync(
            new CreateEngagementRequest { Engagement = new Engagement { Province = "provinces/44" } },
            SecuredCalls.WithToken(token)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("provinces.write", SecuredCalls.ErrorInfoOf(error).Metadata["required_scope"]);
    }

    [Fact]
    public async Task TasksReadScope_CannotReadProvinces()
    {
        var token = suite.Keys.Mint(KhcnClaims.Scopes.TasksRead);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Provinces.ListProvincesAsync(new ListProvincesRequest(), SecuredCalls.WithToken(token)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var info = SecuredCalls.ErrorInfoOf(error);
        Assert.Equal("MISSING_SCOPE", info.Type);
        Assert.Equal("provinces.read", info.Metadata["required_scope"]);
    }

    [Fact]
    public async Task TasksReadScope_ReadsTasks()
    {
        var token = suite.Keys.Mint(KhcnClaims.Scopes.TasksRead);

        var response = await new TasksService.TasksServiceClient(suite.Tasks)
            .ListTasksAsync(new ListTasksRequest(), SecuredCalls.WithToken(token));

        Assert.NotNull(response);
    }

    [Fact]
    public async Task TasksWriteScope_PassesTheScopeCheckOfCreateTask()
    {
        var token = suite.Keys.Mint(new TokenShape([KhcnClaims.Scopes.TasksWrite]) { Provinces = ["44"] });

        // An empty task is refused by the service's own validation: the call got past authentication and scopes.
        var error = await Assert.ThrowsAsync<RpcException>(() => new TasksService.TasksServiceClient(suite.Tasks)
            .CreateTaskAsync(new CreateTaskRequest(), SecuredCalls.WithToken(token)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
