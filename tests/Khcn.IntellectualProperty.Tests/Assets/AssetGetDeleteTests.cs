using Grpc.Core;
using static Khcn.IntellectualProperty.Tests.Assets.AssetTestSupport;
using static Khcn.IntellectualProperty.Tests.Infrastructure.TestAssets;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Assets;

/// <summary>GetAsset and DeleteAsset against the real service.</summary>
public abstract class AssetGetDeleteTests(IpServiceFixture service)
{
    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task An_unknown_asset_is_not_found_with_its_name()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () =>
            Client.GetAssetAsync(new GetAssetRequest { Name = "assets/khong-co-tai-san" }));

        Assert.Equal("ASSET_NOT_FOUND", RpcErrorAssert.Reason(status));
        Assert.Equal("assets/khong-co-tai-san", RpcErrorAssert.ResourceName(status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tasks/abcd")]
    [InlineData("assets/")]
    [InlineData("assets/a/b")]
    public async Task A_malformed_name_is_refused_on_field_name(string name)
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.GetAssetAsync(new GetAssetRequest { Name = name }));

        Assert.Equal(["name"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_filed_asset_is_deleted_and_its_history_ends_with_a_deleted_event()
    {
        var marker = Marker();
        var created = await CreateAsync(Client, Marked(marker));

        await Client.DeleteAssetAsync(new DeleteAssetRequest { Name = created.Name, Etag = created.Etag });

        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
        Assert.Empty(await NamesAsync(Client, marker));
        var events = await EventsAsync(Client, created.Name);
        Assert.Equal([EventType.Filed, EventType.Deleted], events.Select(e => e.Type));
        Assert.Equal(State.Filed, events[1].PreviousState);
        Assert.Equal(State.Unspecified, events[1].NewState);
        Assert.Equal(created.Name, events[1].AssetSnapshot.Name);
    }

    [Fact]
    public async Task Deleting_with_a_stale_etag_is_aborted_and_keeps_the_asset()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () =>
            Client.DeleteAssetAsync(new DeleteAssetRequest { Name = created.Name, Etag = "\"7\"" }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(created, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
    }

    [Fact]
    public async Task An_asset_past_filing_cannot_be_deleted()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var examined = await Client.StartAssetFormalityExaminationAsync(
            new StartAssetFormalityExaminationRequest { Name = created.Name, Actor = Examiner });

        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            Client.DeleteAssetAsync(new DeleteAssetRequest { Name = created.Name }));

        Assert.Equal("ASSET_NOT_DELETABLE", RpcErrorAssert.Reason(status));
        Assert.Equal(examined, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
        Assert.Equal(2, (await EventsAsync(Client, created.Name)).Count);
    }

    [Fact]
    public async Task Deleting_an_unknown_asset_is_not_found()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () =>
            Client.DeleteAssetAsync(new DeleteAssetRequest { Name = "assets/" + NewAssetId() }));

        Assert.Equal("ASSET_NOT_FOUND", RpcErrorAssert.Reason(status));
    }
}

public sealed class AssetGetDeleteTestsOnSqlite(SqliteIpService service) : AssetGetDeleteTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetGetDeleteTestsOnPostgreSql(PostgreSqlIpService service) : AssetGetDeleteTests(service), IClassFixture<PostgreSqlIpService>;
