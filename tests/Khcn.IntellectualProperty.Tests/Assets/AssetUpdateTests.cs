using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Khcn.IntellectualProperty.Tests.Assets.AssetTestSupport;
using static Khcn.IntellectualProperty.Tests.Infrastructure.TestAssets;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Assets;

/// <summary>UpdateAsset against the real service: the mask, the etag, the re-checked rules and the closed states.</summary>
public abstract class AssetUpdateTests(IpServiceFixture service)
{
    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task Only_the_masked_fields_change_and_one_updated_event_names_the_outermost_paths()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var input = created.Clone();
        input.Title = created.Title + " (sửa)";
        input.Holder.Address = "Phường Đông Phong, Lai Châu";
        input.ProvinceCode = "20";
        input.NiceClasses.Add(31);

        var updated = await UpdateAsync(input, "title", "holder", "holder.address");

        var expected = created.Clone();
        expected.Title = input.Title;
        expected.Holder.Address = "Phường Đông Phong, Lai Châu";
        expected.Etag = "\"2\"";
        expected.UpdateTime = updated.UpdateTime;
        Assert.Equal(expected, updated);
        Assert.True(updated.UpdateTime.ToDateTime() > created.UpdateTime.ToDateTime());
        Assert.Equal(updated, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
        var events = await EventsAsync(Client, created.Name);
        Assert.Equal([EventType.Filed, EventType.Updated], events.Select(e => e.Type));
        Assert.Equal(["title", "holder"], events[1].ChangedFields.Paths);
        Assert.Equal((State.Filed, State.Filed), (events[1].PreviousState, events[1].NewState));
        Assert.Equal(updated, events[1].AssetSnapshot);
    }

    [Fact]
    public async Task A_wildcard_mask_replaces_every_updatable_field()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var input = Marked(Marker(), "Sâm Lai Châu");
        input.Name = created.Name;
        input.MarkType = MarkType.Collective;
        input.NiceClasses.Clear();
        input.NiceClasses.Add(5);
        input.Representation = MarkRepresentation.Word;

        var updated = await UpdateAsync(input, "*");

        Assert.Equal(input.Title, updated.Title);
        Assert.Equal(MarkType.Collective, updated.MarkType);
        Assert.Equal([5], updated.NiceClasses);
        Assert.Equal(MarkRepresentation.Word, updated.Representation);
        Assert.Null(updated.Ocop);
        Assert.Equal(AssetKind.Mark, updated.Kind);
    }

    [Fact]
    public async Task A_missing_update_mask_is_refused()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.UpdateAssetAsync(new UpdateAssetRequest { Asset = created }));

        Assert.Equal(["update_mask"], RpcErrorAssert.ViolatedFields(status));
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("name")]
    [InlineData("state")]
    [InlineData("etag")]
    [InlineData("publication_date")]
    [InlineData("grant_number")]
    [InlineData("grant_date")]
    [InlineData("expiry_date")]
    [InlineData("renewal_window_start")]
    [InlineData("grace_period_end")]
    [InlineData("renewal_count")]
    [InlineData("ocop.expiry_date")]
    [InlineData("create_time")]
    [InlineData("no_such_field")]
    public async Task Immutable_output_only_and_unknown_paths_are_refused_and_nothing_changes(string path)
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var input = created.Clone();
        input.Title = "Đổi tên";

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.UpdateAssetAsync(new UpdateAssetRequest { Asset = input, UpdateMask = new FieldMask { Paths = { "title", path } } }));

        Assert.Equal(["update_mask.paths[1]"], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal(created, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_nothing_changes()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var first = created.Clone();
        first.Title += " 1";
        await UpdateAsync(first, "title");
        var stale = created.Clone();
        stale.Title += " 2";

        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () =>
            Client.UpdateAssetAsync(new UpdateAssetRequest { Asset = stale, UpdateMask = new FieldMask { Paths = { "title" } } }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(first.Title, (await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name })).Title);
    }

    [Fact]
    public async Task An_unknown_asset_is_not_found()
    {
        var input = Marked(Marker());
        input.Name = "assets/" + NewAssetId();

        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () =>
            Client.UpdateAssetAsync(new UpdateAssetRequest { Asset = input, UpdateMask = new FieldMask { Paths = { "title" } } }));

        Assert.Equal("ASSET_NOT_FOUND", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task The_merged_asset_is_checked_by_the_create_rules_of_the_masked_paths()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var input = created.Clone();
        input.MarkType = MarkType.Unspecified;
        input.NiceClasses.Add(46);
        input.Priority = new Priority { Date = Day(2014, 12, 1) };
        input.Ocop = new OcopRating { Stars = 1 };
        input.Title = "";

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            UpdateAsync(input, "mark_type", "nice_classes", "priority.date", "ocop.stars", "title"));

        Assert.Equal(
            ["asset.mark_type", "asset.nice_classes[1]", "asset.ocop.stars", "asset.priority.country_code", "asset.title"],
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
        Assert.Equal(created, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Fields_outside_the_mask_are_not_checked()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var input = created.Clone();
        input.NiceClasses.Add(99);
        input.ProvinceCode = "khong-co";
        input.Title += " (đính chính)";

        var updated = await UpdateAsync(input, "title");

        Assert.Equal(input.Title, updated.Title);
        Assert.Equal(created.NiceClasses, updated.NiceClasses);
    }

    [Fact]
    public async Task Clearing_the_mark_type_of_a_mark_is_refused_with_mark_type_required()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        var input = created.Clone();
        input.MarkType = MarkType.Unspecified;

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => UpdateAsync(input, "mark_type"));

        Assert.Equal("MARK_TYPE_REQUIRED", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task A_new_filing_date_rechecks_the_province_code_on_it()
    {
        var input = Marked(Marker());
        input.ProvinceCode = "45";
        input.FilingDate = Day(2023, 11, 29);
        var created = await CreateAsync(Client, input);
        var moved = created.Clone();
        moved.FilingDate = Day(2025, 8, 1);

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => UpdateAsync(moved, "filing_date"));
        moved.ProvinceCode = "44";
        var fixedBoth = await UpdateAsync(moved, "filing_date", "province_code");

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
        Assert.Equal(("44", Day(2025, 8, 1)), (fixedBoth.ProvinceCode, fixedBoth.FilingDate));
    }

    [Fact]
    public async Task A_new_filing_date_of_a_granted_asset_moves_its_computed_term()
    {
        var granted = await GrantedAsync(Client, Marked(Marker()), Day(2016, 9, 1));
        Assert.Equal(Day(2025, 3, 10), granted.ExpiryDate);
        var input = granted.Clone();
        input.FilingDate = Day(2015, 1, 31);

        var updated = await UpdateAsync(input, "filing_date");

        Assert.Equal(State.InForce, updated.State);
        Assert.Equal(Day(2025, 1, 31), updated.ExpiryDate);
        Assert.Equal(Day(2024, 7, 31), updated.RenewalWindowStart);
        Assert.Equal(Day(2025, 7, 31), updated.GracePeriodEnd);
        Assert.Equal(updated, await Client.GetAssetAsync(new GetAssetRequest { Name = granted.Name }));
    }

    [Fact]
    public async Task A_filing_date_after_the_recorded_publication_or_grant_is_refused()
    {
        var granted = await GrantedAsync(Client, Marked(Marker()), Day(2016, 9, 1));
        var input = granted.Clone();
        input.FilingDate = Day(2016, 10, 1);

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => UpdateAsync(input, "filing_date"));

        Assert.Equal(["asset.filing_date", "asset.filing_date"], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal(granted, await Client.GetAssetAsync(new GetAssetRequest { Name = granted.Name }));
    }

    [Fact]
    public async Task An_application_number_taken_by_another_asset_is_refused_and_keeping_ones_own_is_not()
    {
        var number = NewApplicationNumber();
        var holderInput = Marked(Marker());
        holderInput.ApplicationNumber = number;
        var holder = await CreateAsync(Client, holderInput);
        var other = await CreateAsync(Client, Marked(Marker()));
        var taking = other.Clone();
        taking.ApplicationNumber = number;
        var keeping = holder.Clone();
        keeping.Title += " (đính chính)";

        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () => UpdateAsync(taking, "application_number"));
        var kept = await UpdateAsync(keeping, "application_number", "title");

        Assert.Equal("DUPLICATE_APPLICATION_NUMBER", RpcErrorAssert.Reason(status));
        Assert.Equal(holder.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(number, kept.ApplicationNumber);
    }

    [Fact]
    public async Task A_closed_asset_is_refused_with_asset_closed()
    {
        var created = await CreateAsync(Client, Marked(Marker()));
        await Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest { Name = created.Name, Actor = Examiner });
        var refused = await Client.RefuseAssetAsync(new RefuseAssetRequest { Name = created.Name, Actor = Examiner, Reason = "Đơn không hợp lệ" });
        var input = refused.Clone();
        input.Title += " (sửa)";

        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () => UpdateAsync(input, "title"));

        Assert.Equal("ASSET_CLOSED", RpcErrorAssert.Reason(status));
        Assert.Equal(refused, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
    }

    private async Task<Asset> UpdateAsync(Asset asset, params string[] paths) =>
        await Client.UpdateAssetAsync(new UpdateAssetRequest { Asset = asset, UpdateMask = new FieldMask { Paths = { paths } } });
}

public sealed class AssetUpdateTestsOnSqlite(SqliteIpService service) : AssetUpdateTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetUpdateTestsOnPostgreSql(PostgreSqlIpService service) : AssetUpdateTests(service), IClassFixture<PostgreSqlIpService>;
