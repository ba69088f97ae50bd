using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.History;

/// <summary>ListAssetEvents against the real service: one asset's history or every asset's, filtered, ordered, paged.</summary>
public abstract class AssetEventApiTests(IpServiceFixture service)
{
    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task An_assets_events_are_named_under_it_and_listed_in_record_order()
    {
        var granted = await TestAssets.GrantedAsync(Client, TestAssets.CertificationMark(), TestAssets.Day(2016, 9, 1));

        var response = await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = granted.Name });

        Assert.Equal(6, response.TotalSize);
        Assert.Empty(response.NextPageToken);
        Assert.Equal(
            [
                EventType.Filed, EventType.FormalityExaminationStarted, EventType.AcceptedAsValid, EventType.Published,
                EventType.SubstantiveExaminationStarted, EventType.Granted,
            ],
            response.AssetEvents.Select(e => e.Type));
        Assert.Equal(response.AssetEvents.Select(e => e.RecordTime).Order(), response.AssetEvents.Select(e => e.RecordTime));
        Assert.All(response.AssetEvents, e =>
        {
            Assert.Matches($"^{granted.Name}/events/[1-9][0-9]*$", e.Name);
            Assert.Equal(granted.Name, e.AssetSnapshot.Name);
        });
        // Each event leads from the state the previous one left: the history is the lifecycle walked.
        Assert.Equal(
            [State.Unspecified, State.Filed, State.FormalityExamination, State.AcceptedAsValid, State.Published, State.SubstantiveExamination],
            response.AssetEvents.Select(e => e.PreviousState));
        Assert.Equal(granted, response.AssetEvents[^1].AssetSnapshot);
    }

    [Fact]
    public async Task An_asset_that_never_existed_is_not_found_and_a_malformed_parent_is_invalid()
    {
        var missing = await RpcErrorAssert.FailsWith(
            StatusCode.NotFound, () => Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = "assets/no-such-asset-ever" }));
        var malformed = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = "tasks/abc" }));
        var empty = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListAssetEventsAsync(new ListAssetEventsRequest()));

        Assert.Equal("assets/no-such-asset-ever", RpcErrorAssert.ResourceName(missing));
        Assert.Equal("ASSET_NOT_FOUND", RpcErrorAssert.Reason(missing));
        Assert.Equal(["parent"], RpcErrorAssert.ViolatedFields(malformed));
        Assert.Equal(["parent"], RpcErrorAssert.ViolatedFields(empty));
    }

    [Fact]
    public async Task The_history_of_a_deleted_asset_stays_listable_under_its_name()
    {
        var created = await TestAssets.CreateAsync(Client);
        await Client.DeleteAssetAsync(new DeleteAssetRequest { Name = created.Name, Etag = created.Etag });

        var events = (await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = created.Name })).AssetEvents;

        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
        Assert.Equal([EventType.Filed, EventType.Deleted], events.Select(e => e.Type));
        Assert.Equal((State.Filed, State.Unspecified), (events[1].PreviousState, events[1].NewState));
        Assert.Equal(created.Name, events[1].AssetSnapshot.Name);
    }

    [Fact]
    public async Task The_wildcard_parent_lists_the_events_of_every_asset()
    {
        var actor = $"Cục Sở hữu trí tuệ {Guid.NewGuid():N}";
        var first = await TestAssets.CreateAsync(Client);
        var second = await TestAssets.CreateAsync(Client, TestAssets.Invention());
        await Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest { Name = first.Name, Actor = actor });
        await Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest { Name = second.Name, Actor = actor });
        await Client.AcceptAssetAsync(new AcceptAssetRequest { Name = first.Name, Actor = actor });

        var response = await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = "assets/-", Filter = $"actor = \"{actor}\"" });

        Assert.Equal(3, response.TotalSize);
        Assert.Equal(
            [
                (first.Name, EventType.FormalityExaminationStarted),
                (second.Name, EventType.FormalityExaminationStarted),
                (first.Name, EventType.AcceptedAsValid),
            ],
            response.AssetEvents.Select(e => (e.AssetSnapshot.Name, e.Type)));
        Assert.All(response.AssetEvents, e => Assert.StartsWith($"{e.AssetSnapshot.Name}/events/", e.Name));
    }

    [Fact]
    public async Task Events_filter_by_type_and_by_event_time()
    {
        var asset = await TestAssets.CreateAsync(Client);
        await Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest
        {
            Name = asset.Name, Actor = TestAssets.Examiner, EventTime = At(2015, 4, 2),
        });
        await Client.AcceptAssetAsync(new AcceptAssetRequest { Name = asset.Name, Actor = "Phòng Nhãn hiệu", EventTime = At(2015, 6, 15) });
        await Client.WithdrawAssetAsync(new WithdrawAssetRequest { Name = asset.Name, Actor = "Chủ đơn", EventTime = At(2016, 2, 1) });

        var acceptances = await ListAsync(asset.Name, "type = ACCEPTED_AS_VALID");
        var in2015 = await ListAsync(asset.Name, "event_time >= \"2015-01-01T00:00:00Z\" AND event_time < \"2016-01-01T00:00:00Z\"");
        var notFilingByApplicant = await ListAsync(asset.Name, "type != FILED AND actor = \"Chủ đơn\"");

        Assert.Equal(["Phòng Nhãn hiệu"], acceptances.Select(e => e.Actor));
        Assert.Equal([EventType.FormalityExaminationStarted, EventType.AcceptedAsValid], in2015.Select(e => e.Type));
        Assert.Equal([EventType.Withdrawn], notFilingByApplicant.Select(e => e.Type));
    }

    [Fact]
    public async Task Events_filter_by_record_time()
    {
        var asset = await TestAssets.CreateAsync(Client);
        var started = await Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest
        {
            Name = asset.Name, Actor = TestAssets.Examiner,
        });
        await Client.AcceptAssetAsync(new AcceptAssetRequest { Name = asset.Name, Actor = TestAssets.Examiner });
        var since = started.UpdateTime.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

        var fromExamination = await ListAsync(asset.Name, $"record_time >= \"{since}\"");

        Assert.Equal([EventType.FormalityExaminationStarted, EventType.AcceptedAsValid], fromExamination.Select(e => e.Type));
    }

    [Fact]
    public async Task Events_order_by_event_time_when_asked()
    {
        var asset = await TestAssets.CreateAsync(Client);
        // Recorded late: the acceptance is entered with the date of the decision, after the withdrawal had been dated.
        await Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest
        {
            Name = asset.Name, Actor = TestAssets.Examiner, EventTime = At(2015, 4, 2),
        });
        await Client.AcceptAssetAsync(new AcceptAssetRequest { Name = asset.Name, Actor = TestAssets.Examiner, EventTime = At(2016, 3, 1) });
        await Client.WithdrawAssetAsync(new WithdrawAssetRequest { Name = asset.Name, Actor = "Chủ đơn", EventTime = At(2015, 9, 1) });

        var byEventTime = (await Client.ListAssetEventsAsync(new ListAssetEventsRequest
        {
            Parent = asset.Name, Filter = "type != FILED", OrderBy = "event_time",
        })).AssetEvents;
        var newestFirst = (await Client.ListAssetEventsAsync(new ListAssetEventsRequest
        {
            Parent = asset.Name, Filter = "type != FILED", OrderBy = "event_time desc",
        })).AssetEvents;

        Assert.Equal([EventType.FormalityExaminationStarted, EventType.Withdrawn, EventType.AcceptedAsValid], byEventTime.Select(e => e.Type));
        Assert.Equal([EventType.AcceptedAsValid, EventType.Withdrawn, EventType.FormalityExaminationStarted], newestFirst.Select(e => e.Type));
    }

    [Fact]
    public async Task Pages_cover_the_history_once_and_tokens_are_bound_to_the_parent()
    {
        var asset = await TestAssets.GrantedAsync(Client, TestAssets.CertificationMark(), TestAssets.Day(2016, 9, 1));
        var all = (await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = asset.Name })).AssetEvents;

        var pages = await PageWalk.AllPagesAsync(
            async token => await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = asset.Name, PageSize = 4, PageToken = token }),
            page => page.NextPageToken);

        Assert.All(pages, page => Assert.Equal(all.Count, page.TotalSize));
        Assert.All(pages, page => Assert.True(page.AssetEvents.Count <= 4));
        Assert.Equal(6, all.Count);
        Assert.Equal(2, pages.Count);
        Assert.Equal(all, pages.SelectMany(page => page.AssetEvents));

        var firstPage = await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = asset.Name, PageSize = 4 });
        var replayed = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.ListAssetEventsAsync(new ListAssetEventsRequest
        {
            Parent = "assets/-", PageSize = 4, PageToken = firstPage.NextPageToken,
        }));
        Assert.Equal(["page_token"], RpcErrorAssert.ViolatedFields(replayed));
    }

    [Fact]
    public async Task An_unknown_filter_or_order_field_is_invalid()
    {
        var asset = await TestAssets.CreateAsync(Client);

        var filter = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = asset.Name, Filter = "reason = \"x\"" }));
        var order = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = asset.Name, OrderBy = "actor" }));

        Assert.Equal(["filter"], RpcErrorAssert.ViolatedFields(filter));
        Assert.Equal(["order_by"], RpcErrorAssert.ViolatedFields(order));
    }

    private async Task<IReadOnlyList<AssetEvent>> ListAsync(string parent, string filter) =>
        (await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = parent, Filter = filter })).AssetEvents;

    /// <summary>09:00 in Viet Nam on the given day.</summary>
    private static Timestamp At(int year, int month, int day) =>
        Timestamp.FromDateTime(new DateTime(year, month, day, 2, 0, 0, DateTimeKind.Utc));
}

public sealed class AssetEventApiTestsOnSqlite(SqliteIpService service)
    : AssetEventApiTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetEventApiTestsOnPostgreSql(PostgreSqlIpService service)
    : AssetEventApiTests(service), IClassFixture<PostgreSqlIpService>;
