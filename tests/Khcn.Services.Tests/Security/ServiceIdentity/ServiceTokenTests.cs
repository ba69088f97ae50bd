using Grpc.Core;
using Khcn.Security;
using Khcn.Services.Tests.Records;
using Khcn.Tasks.V1;

namespace Khcn.Services.Tests.Security.ServiceIdentity;

/// <summary>
/// Tasks calls Provinces for the shared province catalog as itself (its service token), never as the caller being
/// served, and over https trusting the development CA; the token file is re-read, so rotating it needs no restart.
/// </summary>
public sealed class ServiceTokenTests(TlsSecuredServices services) : IClassFixture<TlsSecuredServices>
{
    private const string QuangTriLineage = "province_code = \"44\"";

    [Fact]
    public async System.Threading.Tasks.Task Seeds_AreLoadedAtStartUp_UnderTheServiceToken()
    {
        // Seeding runs before any caller exists: only the service token can have fetched the catalog it validates against.
        using var channel = services.ChannelTo(services.Tasks);
        var task = await new TasksService.TasksServiceClient(channel).GetTaskAsync(
            new GetTaskRequest { Name = "tasks/lai-chau-2020-2021-khoai-so-nam-khao" },
            SecuredCalls.WithToken(services.Keys.Mint(KhcnClaims.Scopes.TasksRead)));

        Assert.Equal("12", task.ProvinceCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task CallerWithoutProvincesRead_StillGetsAFilterCheckedAgainstTheCatalog()
    {
        // No seeds: the first catalog load happens inside this caller's request.
        var tasks = await services.StartTasksAsync(ValidServiceToken(), "--Seeds:Load=false");
        using var channel = services.ChannelTo(tasks);

        var response = await new TasksService.TasksServiceClient(channel).ListTasksAsync(
            new ListTasksRequest { Filter = QuangTriLineage },
            SecuredCalls.WithToken(services.Keys.Mint(KhcnClaims.Scopes.TasksRead)));

        Assert.Empty(response.Tasks);
    }

    [Fact]
    public async System.Threading.Tasks.Task WriterWithoutProvincesRead_GetsItsTaskValidatedAgainstTheCatalog()
    {
        var tasks = await services.StartTasksAsync(ValidServiceToken(), "--Seeds:Load=false");
        using var channel = services.ChannelTo(tasks);
        var writer = services.Keys.Mint(new TokenShape([KhcnClaims.Scopes.TasksWrite]) { Provinces = ["12"] });

        var created = await new TasksService.TasksServiceClient(channel).CreateTaskAsync(
            new CreateTaskRequest { Task = SampleTasks.LaiChauTopic() }, SecuredCalls.WithToken(writer));

        Assert.Equal("12", created.ProvinceCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task RotatedTokenFile_IsUsedForTheNextCatalogLoad()
    {
        // The first token lacks provinces.read: Provinces refuses the catalog to this service.
        var tokenFile = services.WriteServiceToken(services.Keys.Mint(KhcnClaims.Scopes.TasksRead));
        var tasks = await services.StartTasksAsync(tokenFile, "--Seeds:Load=false");
        using var channel = services.ChannelTo(tasks);
        var client = new TasksService.TasksServiceClient(channel);
        var reader = services.Keys.Mint(KhcnClaims.Scopes.TasksRead);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.ListTasksAsync(new ListTasksRequest { Filter = QuangTriLineage }, SecuredCalls.WithToken(reader)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("PermissionDenied", refused.Status.Detail, StringComparison.Ordinal);

        await File.WriteAllTextAsync(tokenFile, services.Keys.Mint(KhcnClaims.Scopes.ProvincesRead));

        var response = await client.ListTasksAsync(new ListTasksRequest { Filter = QuangTriLineage }, SecuredCalls.WithToken(reader));
        Assert.Empty(response.Tasks);
    }

    [Fact]
    public async System.Threading.Tasks.Task MissingTokenFile_CatalogIsNotFetchedAsTheCaller()
    {
        var missing = services.WriteServiceToken("");
        File.Delete(missing);
        var tasks = await services.StartTasksAsync(missing, "--Seeds:Load=false");
        using var channel = services.ChannelTo(tasks);
        // A caller who could read the catalog: were it forwarded, the call would succeed.
        var ministry = services.Keys.Mint(new TokenShape([KhcnClaims.Scopes.Ministry, KhcnClaims.Scopes.TasksRead]));

        var refused = await Assert.ThrowsAsync<RpcException>(() => new TasksService.TasksServiceClient(channel).ListTasksAsync(
            new ListTasksRequest { Filter = QuangTriLineage }, SecuredCalls.WithToken(ministry)).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("service token file", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task WithoutTheDevelopmentCaTrusted_ProvincesCertificateIsRefused()
    {
        // An empty setting overrides the fixture's: the client falls back to the machine's roots, which never issued it.
        var tasks = await services.StartTasksAsync(ValidServiceToken(), "--Seeds:Load=false", "--Authentication:ServiceClients:TrustedAuthorities=");
        using var channel = services.ChannelTo(tasks);

        var refused = await Assert.ThrowsAsync<RpcException>(() => new TasksService.TasksServiceClient(channel).ListTasksAsync(
            new ListTasksRequest { Filter = QuangTriLineage },
            SecuredCalls.WithToken(services.Keys.Mint(KhcnClaims.Scopes.TasksRead))).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("SSL", refused.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    private string ValidServiceToken() => services.WriteServiceToken(services.Keys.Mint(KhcnClaims.Scopes.ProvincesRead));
}
