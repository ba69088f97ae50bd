using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Terms;

/// <summary>
/// RenewAsset and ExpireAsset against the real service. The certification mark of <see cref="TestAssets"/> is filed on
/// 2015-03-10: expiry 2025-03-10, renewal window from 2024-09-10, grace period to 2025-09-10. Dates of events are Viet
/// Nam dates (UTC+7).
/// </summary>
public abstract class AssetTermApiTests(IpServiceFixture service)
{
    private const string Holder = "Sở Khoa học và Công nghệ tỉnh Lai Châu";

    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Theory]
    [InlineData(2024, 9, 10)] // the window's first day
    [InlineData(2024, 12, 1)] // inside the window
    [InlineData(2025, 6, 1)] // inside the grace period
    [InlineData(2025, 9, 10)] // the grace period's last day
    public async Task AMarkRenewsInsideTheWindowOrTheGracePeriodIntoTheNextTerm(int year, int month, int day)
    {
        var mark = await GrantedMarkAsync();

        var renewed = await Client.RenewAssetAsync(new RenewAssetRequest
        {
            Name = mark.Name, Etag = mark.Etag, Actor = Holder, RequestDate = TestAssets.Day(year, month, day),
            DocumentReference = "QĐ 9012/QĐ-SHTT",
        });

        Assert.Equal(State.InForce, renewed.State);
        Assert.Equal(1, renewed.RenewalCount);
        Assert.Equal(
            (TestAssets.Day(2035, 3, 10), TestAssets.Day(2034, 9, 10), TestAssets.Day(2035, 9, 10)),
            (renewed.ExpiryDate, renewed.RenewalWindowStart, renewed.GracePeriodEnd));
        var last = (await EventsOfAsync(mark.Name))[^1];
        Assert.Equal(EventType.Renewed, last.Type);
        Assert.Equal(State.InForce, last.PreviousState);
        Assert.Equal(State.InForce, last.NewState);
        Assert.Equal(["renewal_count", "expiry_date", "renewal_window_start", "grace_period_end"], last.ChangedFields.Paths);
        Assert.Equal(renewed, last.AssetSnapshot);
    }

    [Theory]
    [InlineData(2024, 9, 9, "2024-09-09")] // the day before the window opens
    [InlineData(2025, 9, 11, "2025-09-11")] // the day after the grace period
    public async Task ARenewalBeforeTheWindowOrAfterTheGracePeriodIsRefusedAndChangesNothing(int year, int month, int day, string requested)
    {
        var mark = await GrantedMarkAsync();
        var eventsBefore = await EventsOfAsync(mark.Name);

        var status = await Refused(() => Client.RenewAssetAsync(new RenewAssetRequest
        {
            Name = mark.Name, Actor = Holder, RequestDate = TestAssets.Day(year, month, day),
        }));

        Assert.Equal("OUTSIDE_RENEWAL_WINDOW", RpcErrorAssert.Reason(status));
        var metadata = Metadata(status);
        Assert.Equal(requested, metadata["request_date"]);
        Assert.Equal("2024-09-10", metadata["renewal_window_start"]);
        Assert.Equal("2025-09-10", metadata["grace_period_end"]);
        Assert.Equal(mark.Name, RpcErrorAssert.ResourceName(status));
        await AssertUnchangedAsync(mark, eventsBefore);
    }

    [Fact]
    public async Task TheRequestDateDefaultsToTheVietnamDateOfTheEvent()
    {
        var mark = await GrantedMarkAsync();
        // 16:30 UTC on 9 September is 23:30 in Viet Nam, still the day before the window opens; 17:30 UTC is already
        // 00:30 on 10 September there, the window's first day.
        var lateEvening = Timestamp.FromDateTime(new DateTime(2024, 9, 9, 16, 30, 0, DateTimeKind.Utc));
        var pastMidnight = Timestamp.FromDateTime(new DateTime(2024, 9, 9, 17, 30, 0, DateTimeKind.Utc));

        var tooEarly = await Refused(() => Client.RenewAssetAsync(new RenewAssetRequest { Name = mark.Name, Actor = Holder, EventTime = lateEvening }));
        var renewed = await Client.RenewAssetAsync(new RenewAssetRequest { Name = mark.Name, Actor = Holder, EventTime = pastMidnight });

        Assert.Equal("OUTSIDE_RENEWAL_WINDOW", RpcErrorAssert.Reason(tooEarly));
        Assert.Equal("2024-09-09", Metadata(tooEarly)["request_date"]);
        Assert.Equal(1, renewed.RenewalCount);
        Assert.Equal(pastMidnight, (await EventsOfAsync(mark.Name))[^1].EventTime);
    }

    [Fact]
    public async Task ADesignRenewsTwiceThenReachesItsRenewalLimit()
    {
        // Filed 2010-01-15: terms end 2015-01-15, 2020-01-15 and, after the second renewal, for good on 2025-01-15.
        var design = await TestAssets.GrantedAsync(Client, Design(), TestAssets.Day(2011, 3, 1));

        var first = await Renew(design, TestAssets.Day(2014, 12, 1));
        var second = await Renew(first, TestAssets.Day(2020, 3, 1));
        var eventsBefore = await EventsOfAsync(design.Name);
        var third = await Refused(() => Renew(second, TestAssets.Day(2024, 12, 1)));

        Assert.Equal((TestAssets.Day(2020, 1, 15), 1), (first.ExpiryDate, first.RenewalCount));
        Assert.Equal((TestAssets.Day(2025, 1, 15), 2), (second.ExpiryDate, second.RenewalCount));
        Assert.Null(second.RenewalWindowStart);
        Assert.Null(second.GracePeriodEnd);
        Assert.Equal("RENEWAL_LIMIT_REACHED", RpcErrorAssert.Reason(third));
        Assert.Equal("2", Metadata(third)["max_renewals"]);
        await AssertUnchangedAsync(second, eventsBefore);
    }

    [Fact]
    public async Task AnInventionIsNotRenewable()
    {
        // Filed 2019-06-12: protected to 2039-06-12, with no window and no grace period.
        var invention = await TestAssets.GrantedAsync(Client, TestAssets.Invention(TestAssets.Marker()), TestAssets.Day(2021, 5, 4));
        var eventsBefore = await EventsOfAsync(invention.Name);

        var status = await Refused(() => Client.RenewAssetAsync(new RenewAssetRequest
        {
            Name = invention.Name, Actor = "Viện Nghiên cứu Rau quả", RequestDate = TestAssets.Day(2039, 1, 10),
        }));

        Assert.Equal(TestAssets.Day(2039, 6, 12), invention.ExpiryDate);
        Assert.Null(invention.RenewalWindowStart);
        Assert.Equal("NOT_RENEWABLE", RpcErrorAssert.Reason(status));
        Assert.Equal("INVENTION", Metadata(status)["kind"]);
        await AssertUnchangedAsync(invention, eventsBefore);
    }

    [Fact]
    public async Task AMarkExpiresOnlyOnceItsGracePeriodIsOverInVietnam()
    {
        var mark = await GrantedMarkAsync();
        // 16:59 UTC on 10 September is 23:59 there, the grace period's last day; 17:00 UTC is 11 September.
        var lastMinuteOfGrace = Timestamp.FromDateTime(new DateTime(2025, 9, 10, 16, 59, 0, DateTimeKind.Utc));
        var dayAfterGrace = Timestamp.FromDateTime(new DateTime(2025, 9, 10, 17, 0, 0, DateTimeKind.Utc));
        var eventsBefore = await EventsOfAsync(mark.Name);

        var early = await Refused(() => Expire(mark, lastMinuteOfGrace));
        await AssertUnchangedAsync(mark, eventsBefore);
        var expired = await Expire(mark, dayAfterGrace);

        Assert.Equal("TERM_NOT_ENDED", RpcErrorAssert.Reason(early));
        Assert.Equal("2025-09-10", Metadata(early)["event_date"]);
        Assert.Equal("2025-09-10", Metadata(early)["grace_period_end"]);
        Assert.Equal(State.Expired, expired.State);
        Assert.Equal(mark.ExpiryDate, expired.ExpiryDate);
        var last = (await EventsOfAsync(mark.Name))[^1];
        Assert.Equal(EventType.Expired, last.Type);
        Assert.Equal(dayAfterGrace, last.EventTime);
        Assert.Equal("hết thời hạn gia hạn", last.Reason);
        Assert.Equal(["state"], last.ChangedFields.Paths);
        Assert.Equal(expired, last.AssetSnapshot);
    }

    [Fact]
    public async Task AnInventionDoesNotExpireBeforeItsExpiryDate()
    {
        var invention = await TestAssets.GrantedAsync(Client, TestAssets.Invention(TestAssets.Marker()), TestAssets.Day(2021, 5, 4));

        // No event_time: today, years before 2039-06-12.
        var status = await Refused(() => Client.ExpireAssetAsync(new ExpireAssetRequest { Name = invention.Name, Actor = TestAssets.Examiner }));

        Assert.Equal("TERM_NOT_ENDED", RpcErrorAssert.Reason(status));
        Assert.Equal("2039-06-12", Metadata(status)["expiry_date"]);
        Assert.False(Metadata(status).ContainsKey("grace_period_end"));
    }

    [Fact]
    public async Task AGeographicalIndicationHasNoExpiryNeverExpiresAndIsNeverRenewed()
    {
        var gi = await TestAssets.GrantedAsync(Client, GeographicalIndication(), TestAssets.Day(2016, 8, 1));
        var eventsBefore = await EventsOfAsync(gi.Name);

        var expire = await Refused(() => Expire(gi, Timestamp.FromDateTime(new DateTime(2999, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        var renew = await Refused(() => Client.RenewAssetAsync(new RenewAssetRequest { Name = gi.Name, Actor = Holder }));

        Assert.Equal(State.InForce, gi.State);
        Assert.Null(gi.ExpiryDate);
        Assert.Null(gi.RenewalWindowStart);
        Assert.Null(gi.GracePeriodEnd);
        Assert.Equal("TERM_NOT_ENDED", RpcErrorAssert.Reason(expire));
        Assert.Contains("indefinitely", expire.Message);
        Assert.Equal("NOT_RENEWABLE", RpcErrorAssert.Reason(renew));
        await AssertUnchangedAsync(gi, eventsBefore);
    }

    private async Task<Asset> GrantedMarkAsync() =>
        await TestAssets.GrantedAsync(Client, TestAssets.CertificationMark(TestAssets.Marker()), TestAssets.Day(2016, 9, 15));

    private AsyncUnaryCall<Asset> Renew(Asset asset, Google.Type.Date requestDate) =>
        Client.RenewAssetAsync(new RenewAssetRequest { Name = asset.Name, Etag = asset.Etag, Actor = "Công ty TNHH Mây tre Lai Châu", RequestDate = requestDate });

    private AsyncUnaryCall<Asset> Expire(Asset asset, Timestamp eventTime) =>
        Client.ExpireAssetAsync(new ExpireAssetRequest
        {
            Name = asset.Name, Actor = TestAssets.Examiner, EventTime = eventTime, Reason = "hết thời hạn gia hạn",
        });

    /// <summary>An industrial design of Lai Châu filed on 2010-01-15.</summary>
    private static Asset Design() => new()
    {
        Kind = AssetKind.IndustrialDesign,
        Title = $"Giỏ mây tre đan Lai Châu {TestAssets.Marker()}",
        Holder = new V1.Holder { DisplayName = "Công ty TNHH Mây tre Lai Châu", Kind = V1.Holder.Types.Kind.Enterprise },
        ProvinceCode = "12",
        FilingDate = TestAssets.Day(2010, 1, 15),
    };

    /// <summary>A geographical indication of Lai Châu filed on 2014-05-20, held by the provincial People's Committee.</summary>
    private static Asset GeographicalIndication() => new()
    {
        Kind = AssetKind.GeographicalIndication,
        Title = $"Chỉ dẫn địa lý Lai Châu {TestAssets.Marker()}",
        Holder = new V1.Holder { DisplayName = "Ủy ban nhân dân tỉnh Lai Châu", Kind = V1.Holder.Types.Kind.StateAgency },
        ProvinceCode = "12",
        FilingDate = TestAssets.Day(2014, 5, 20),
    };

    private static Task<Google.Rpc.Status> Refused(Func<AsyncUnaryCall<Asset>> call) => RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, call);

    private static IReadOnlyDictionary<string, string> Metadata(Google.Rpc.Status status) => status.GetDetail<ErrorInfo>()!.Metadata;

    private async Task AssertUnchangedAsync(Asset asset, IReadOnlyList<AssetEvent> eventsBefore)
    {
        Assert.Equal(asset, await Client.GetAssetAsync(new GetAssetRequest { Name = asset.Name }));
        Assert.Equal(eventsBefore, await EventsOfAsync(asset.Name));
    }

    private async Task<IReadOnlyList<AssetEvent>> EventsOfAsync(string assetName) =>
        (await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = assetName, PageSize = 1000 })).AssetEvents;
}

public sealed class AssetTermApiTestsOnSqlite(SqliteIpService service)
    : AssetTermApiTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetTermApiTestsOnPostgreSql(PostgreSqlIpService service)
    : AssetTermApiTests(service), IClassFixture<PostgreSqlIpService>;
