using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Aip;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Lifecycle;

/// <summary>
/// The examination lifecycle against the real service: the walk from filing to renewal recorded event by event, every
/// illegal step refused with nothing written, stale etags, and the fields each method requires.
/// </summary>
public abstract class AssetLifecycleApiTests(IpServiceFixture service)
{
    private static readonly Timestamp ExaminationStartedAt = Timestamp.FromDateTime(new DateTime(2015, 4, 2, 2, 0, 0, DateTimeKind.Utc));
    private static readonly Timestamp GrantedAt = Timestamp.FromDateTime(new DateTime(2016, 9, 15, 3, 30, 0, DateTimeKind.Utc));
    private static readonly Timestamp RenewedAt = Timestamp.FromDateTime(new DateTime(2025, 2, 1, 1, 0, 0, DateTimeKind.Utc));

    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    public static TheoryData<State> ReachableStates() => [.. AssetLifecycleStatement.ReachableStates];

    public static TheoryData<State> PendingStates() => [.. AssetLifecycleStatement.PendingStates];

    [Fact]
    public async Task TheWalkFromFilingToRenewalIsRecordedEventByEventWithWhoWhenWhyAndTheDocument()
    {
        var created = await TestAssets.CreateAsync(Client);
        var name = created.Name;

        var started = await Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest
        {
            Name = name, Etag = created.Etag, Actor = "Cục Sở hữu trí tuệ", EventTime = ExaminationStartedAt,
            DocumentReference = "TB 1234/SHTT-NH",
        });
        var accepted = await Client.AcceptAssetAsync(new AcceptAssetRequest
        {
            Name = name, Etag = started.Etag, Actor = "Cục Sở hữu trí tuệ", Reason = "đơn hợp lệ về hình thức",
            DocumentReference = "QĐ 5678/QĐ-SHTT",
        });
        var published = await Client.PublishAssetAsync(new PublishAssetRequest
        {
            Name = name, Actor = "Cục Sở hữu trí tuệ", PublicationDate = TestAssets.Day(2015, 6, 25),
            DocumentReference = "Công báo SHCN số 327",
        });
        var examined = await Client.StartAssetSubstantiveExaminationAsync(new StartAssetSubstantiveExaminationRequest
        {
            Name = name, Actor = "Cục Sở hữu trí tuệ",
        });
        var granted = await Client.GrantAssetAsync(new GrantAssetRequest
        {
            Name = name, Etag = examined.Etag, Actor = "Cục Sở hữu trí tuệ", EventTime = GrantedAt,
            DocumentReference = "QĐ 61234/QĐ-SHTT",
            // Padded, and "Số" typed as o + combining circumflex + combining acute: stored trimmed and in NFC.
            GrantNumber = " 271234/So\u0302\u0301 ",
            GrantDate = TestAssets.Day(2016, 9, 15),
        });
        var renewed = await Client.RenewAssetAsync(new RenewAssetRequest
        {
            Name = name, Etag = granted.Etag, Actor = "Sở Khoa học và Công nghệ tỉnh Lai Châu", EventTime = RenewedAt,
            Reason = "gia hạn lần thứ nhất", DocumentReference = "QĐ 9012/QĐ-SHTT", RequestDate = TestAssets.Day(2025, 1, 10),
        });

        Asset[] steps = [created, started, accepted, published, examined, granted, renewed];
        Assert.Equal(
            [State.Filed, State.FormalityExamination, State.AcceptedAsValid, State.Published, State.SubstantiveExamination,
             State.InForce, State.InForce],
            steps.Select(a => a.State));
        Assert.Equal(steps.Length, steps.Select(a => a.Etag).Distinct().Count());
        Assert.Equal(TestAssets.Day(2015, 6, 25), renewed.PublicationDate);
        Assert.Equal("271234/Số", granted.GrantNumber);
        Assert.True(granted.GrantNumber.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(TestAssets.Day(2016, 9, 15), granted.GrantDate);
        Assert.Equal(
            (TestAssets.Day(2025, 3, 10), TestAssets.Day(2024, 9, 10), TestAssets.Day(2025, 9, 10), 0),
            (granted.ExpiryDate, granted.RenewalWindowStart, granted.GracePeriodEnd, granted.RenewalCount));
        Assert.Equal(
            (TestAssets.Day(2035, 3, 10), TestAssets.Day(2034, 9, 10), TestAssets.Day(2035, 9, 10), 1),
            (renewed.ExpiryDate, renewed.RenewalWindowStart, renewed.GracePeriodEnd, renewed.RenewalCount));
        Assert.All(steps.Take(5), a => Assert.Null(a.ExpiryDate));
        Assert.Equal(renewed, await Client.GetAssetAsync(new GetAssetRequest { Name = name }));

        var events = await EventsOfAsync(name);
        Assert.Equal(
            [EventType.Filed, EventType.FormalityExaminationStarted, EventType.AcceptedAsValid, EventType.Published,
             EventType.SubstantiveExaminationStarted, EventType.Granted, EventType.Renewed],
            events.Select(e => e.Type));
        Assert.Equal(steps.Select(a => a.State), events.Select(e => e.NewState));
        Assert.Equal(State.Unspecified, events[0].PreviousState);
        Assert.Equal(steps.SkipLast(1).Select(a => a.State), events.Skip(1).Select(e => e.PreviousState));
        Assert.Equal(steps, events.Select(e => e.AssetSnapshot));
        Assert.Equal(steps.Select(a => a.Etag), events.Select(e => e.AssetSnapshot.Etag));
        Assert.Equal(steps.Select(a => a.UpdateTime), events.Select(e => e.RecordTime));
        Assert.Equal(
            ["Cục Sở hữu trí tuệ", "Cục Sở hữu trí tuệ", "Cục Sở hữu trí tuệ", "Cục Sở hữu trí tuệ", "Cục Sở hữu trí tuệ",
             "Sở Khoa học và Công nghệ tỉnh Lai Châu"],
            events.Skip(1).Select(e => e.Actor));
        Assert.Equal(
            ["", "đơn hợp lệ về hình thức", "", "", "", "gia hạn lần thứ nhất"],
            events.Skip(1).Select(e => e.Reason));
        Assert.Equal(
            ["TB 1234/SHTT-NH", "QĐ 5678/QĐ-SHTT", "Công báo SHCN số 327", "", "QĐ 61234/QĐ-SHTT", "QĐ 9012/QĐ-SHTT"],
            events.Skip(1).Select(e => e.DocumentReference));
        Assert.Equal(ExaminationStartedAt, events[1].EventTime);
        Assert.Equal(GrantedAt, events[5].EventTime);
        Assert.Equal(RenewedAt, events[6].EventTime);
        // Without an event_time the event happened when it was recorded.
        Assert.Equal(events[2].RecordTime, events[2].EventTime);
        Assert.Equal(
            [
                ["state"],
                ["state"],
                ["state", "publication_date"],
                ["state"],
                ["state", "grant_number", "grant_date", "expiry_date", "renewal_window_start", "grace_period_end"],
                ["renewal_count", "expiry_date", "renewal_window_start", "grace_period_end"],
            ],
            events.Skip(1).Select(e => e.ChangedFields.Paths.ToArray()));
        Assert.All(events, e => Assert.StartsWith($"{name}/events/", e.Name));
        var sequences = events.Select(e => long.Parse(e.Name[$"{name}/events/".Length..], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Theory]
    [MemberData(nameof(ReachableStates))]
    public async Task EveryMethodTheStateDoesNotAllowIsRefusedNamingBothStatesAndWritesNothing(State state)
    {
        var asset = await AssetLifecycleCalls.WalkToAsync(Client, await TestAssets.CreateAsync(Client), state);
        var refusedMethods = AssetLifecycleStatement.Methods.Keys.Where(rpc => !AssetLifecycleStatement.Allows(rpc, state)).ToList();

        Assert.NotEmpty(refusedMethods);
        foreach (var rpc in refusedMethods)
        {
            await AssertRefusedAsync(asset, rpc);
        }
    }

    [Theory]
    [MemberData(nameof(PendingStates))]
    public async Task AnApplicationIsWithdrawnFromEveryPendingState(State pending)
    {
        var asset = await AssetLifecycleCalls.WalkToAsync(Client, await TestAssets.CreateAsync(Client), pending);

        var withdrawn = await Client.WithdrawAssetAsync(new WithdrawAssetRequest
        {
            Name = asset.Name, Etag = asset.Etag, Actor = "Sở Khoa học và Công nghệ tỉnh Lai Châu",
            Reason = "không tiếp tục theo đuổi đơn", DocumentReference = "CV 210/SKHCN",
        });

        Assert.Equal(State.Withdrawn, withdrawn.State);
        Assert.Null(withdrawn.ExpiryDate);
        var last = (await EventsOfAsync(asset.Name))[^1];
        Assert.Equal(EventType.Withdrawn, last.Type);
        Assert.Equal(pending, last.PreviousState);
        Assert.Equal(State.Withdrawn, last.NewState);
        Assert.Equal("không tiếp tục theo đuổi đơn", last.Reason);
        Assert.Equal("CV 210/SKHCN", last.DocumentReference);
        Assert.Equal(["state"], last.ChangedFields.Paths);
        Assert.Equal(withdrawn, last.AssetSnapshot);
    }

    [Theory]
    [InlineData(State.FormalityExamination)]
    [InlineData(State.SubstantiveExamination)]
    public async Task AnApplicationIsRefusedFromEitherExaminationWithItsReason(State examination)
    {
        var asset = await AssetLifecycleCalls.WalkToAsync(Client, await TestAssets.CreateAsync(Client), examination);

        var refused = await Client.RefuseAssetAsync(new RefuseAssetRequest
        {
            Name = asset.Name, Etag = asset.Etag, Actor = "Cục Sở hữu trí tuệ", Reason = "dấu hiệu không có khả năng phân biệt",
            DocumentReference = "TB 777/SHTT",
        });

        Assert.Equal(State.Refused, refused.State);
        var last = (await EventsOfAsync(asset.Name))[^1];
        Assert.Equal(EventType.Refused, last.Type);
        Assert.Equal(examination, last.PreviousState);
        Assert.Equal("dấu hiệu không có khả năng phân biệt", last.Reason);
        Assert.Equal(refused, last.AssetSnapshot);
    }

    [Theory]
    [InlineData("TerminateAsset", State.Terminated, EventType.Terminated, "chủ văn bằng tuyên bố từ bỏ")]
    [InlineData("InvalidateAsset", State.Invalidated, EventType.Invalidated, "người nộp đơn không có quyền đăng ký")]
    public async Task EndingProtectionEarlyKeepsTheTermTheAssetHad(string rpc, State end, EventType type, string reason)
    {
        var inForce = await AssetLifecycleCalls.WalkToAsync(Client, await TestAssets.CreateAsync(Client), State.InForce);

        var ended = await AssetLifecycleCalls.Call(Client, rpc, inForce.Name, inForce.Etag);

        Assert.Equal(end, ended.State);
        Assert.Equal(
            (inForce.ExpiryDate, inForce.RenewalWindowStart, inForce.GracePeriodEnd),
            (ended.ExpiryDate, ended.RenewalWindowStart, ended.GracePeriodEnd));
        Assert.Equal(TestAssets.Day(2025, 3, 10), ended.ExpiryDate);
        var last = (await EventsOfAsync(inForce.Name))[^1];
        Assert.Equal(type, last.Type);
        Assert.Equal(State.InForce, last.PreviousState);
        Assert.Equal(reason, last.Reason);
        Assert.Equal(["state"], last.ChangedFields.Paths);
    }

    [Fact]
    public async Task AStaleEtagIsAbortedAndNothingIsWritten()
    {
        var created = await TestAssets.CreateAsync(Client);
        var started = await AssetLifecycleCalls.Call(Client, "StartAssetFormalityExamination", created.Name, created.Etag);
        var eventsBefore = await EventsOfAsync(created.Name);

        var status = await RpcErrorAssert.FailsWith(
            StatusCode.Aborted, () => AssetLifecycleCalls.Call(Client, "AcceptAsset", created.Name, created.Etag));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(started, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
        Assert.Equal(eventsBefore, await EventsOfAsync(created.Name));
    }

    [Fact]
    public async Task TheCurrentEtagWithOrWithoutQuotesIsAccepted()
    {
        var created = await TestAssets.CreateAsync(Client);

        var started = await AssetLifecycleCalls.Call(Client, "StartAssetFormalityExamination", created.Name, created.Etag);
        var accepted = await AssetLifecycleCalls.Call(Client, "AcceptAsset", created.Name, started.Etag.Trim('"'));

        Assert.Equal(State.AcceptedAsValid, accepted.State);
    }

    [Fact]
    public async Task EachMethodReportsAllTheFieldsItRequiresAtOnce()
    {
        var created = await TestAssets.CreateAsync(Client);
        var name = created.Name;

        var start = await Invalid(() => Client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest { Name = name, Actor = " " }));
        var publish = await Invalid(() => Client.PublishAssetAsync(new PublishAssetRequest { Name = name }));
        var partialPublication = await Invalid(() => Client.PublishAssetAsync(new PublishAssetRequest
        {
            Name = name, Actor = TestAssets.Examiner, PublicationDate = new Google.Type.Date { Year = 2016, Month = 1 },
        }));
        var grant = await Invalid(() => Client.GrantAssetAsync(new GrantAssetRequest { Name = name, Actor = TestAssets.Examiner, GrantNumber = "  " }));
        var impossibleGrant = await Invalid(() => Client.GrantAssetAsync(new GrantAssetRequest
        {
            Name = name, Actor = TestAssets.Examiner, GrantNumber = "4-0271234", GrantDate = TestAssets.Day(2016, 2, 30),
        }));
        var refuse = await Invalid(() => Client.RefuseAssetAsync(new RefuseAssetRequest { Name = name }));
        var terminate = await Invalid(() => Client.TerminateAssetAsync(new TerminateAssetRequest { Name = name, Actor = TestAssets.Examiner, Reason = " " }));
        var invalidate = await Invalid(() => Client.InvalidateAssetAsync(new InvalidateAssetRequest { Name = name, Actor = TestAssets.Examiner }));
        var renew = await Invalid(() => Client.RenewAssetAsync(new RenewAssetRequest
        {
            Name = name, Actor = TestAssets.Examiner, RequestDate = TestAssets.Day(2025, 2, 30),
        }));
        var withdraw = await Invalid(() => Client.WithdrawAssetAsync(new WithdrawAssetRequest { Name = "tasks/x", Actor = TestAssets.Examiner }));
        var badTime = await Invalid(() => Client.AcceptAssetAsync(new AcceptAssetRequest
        {
            Name = name, Actor = TestAssets.Examiner, EventTime = new Timestamp { Seconds = 1, Nanos = -5 },
        }));

        Assert.Equal(["actor"], RpcErrorAssert.ViolatedFields(start));
        Assert.Equal(["actor", "publication_date"], RpcErrorAssert.ViolatedFields(publish));
        Assert.Equal(["publication_date"], RpcErrorAssert.ViolatedFields(partialPublication));
        Assert.Equal(["grant_number", "grant_date"], RpcErrorAssert.ViolatedFields(grant));
        Assert.Equal(["grant_date.day"], RpcErrorAssert.ViolatedFields(impossibleGrant));
        Assert.Equal(["actor", "reason"], RpcErrorAssert.ViolatedFields(refuse));
        Assert.Equal(["reason"], RpcErrorAssert.ViolatedFields(terminate));
        Assert.Equal(["reason"], RpcErrorAssert.ViolatedFields(invalidate));
        Assert.Equal(["request_date.day"], RpcErrorAssert.ViolatedFields(renew));
        Assert.Equal(["name"], RpcErrorAssert.ViolatedFields(withdraw));
        Assert.Equal(["event_time"], RpcErrorAssert.ViolatedFields(badTime));
        // The request is checked before the state: none of these touched the filed asset.
        Assert.Equal(created, await Client.GetAssetAsync(new GetAssetRequest { Name = name }));
        Assert.Single(await EventsOfAsync(name));
    }

    [Fact]
    public async Task PublishingBeforeTheFilingDateIsInvalidAndChangesNothing()
    {
        var accepted = await AssetLifecycleCalls.WalkToAsync(Client, await TestAssets.CreateAsync(Client), State.AcceptedAsValid);

        var status = await Invalid(() => Client.PublishAssetAsync(new PublishAssetRequest
        {
            Name = accepted.Name, Actor = TestAssets.Examiner, PublicationDate = TestAssets.Day(2015, 3, 9),
        }));

        Assert.Equal(["publication_date"], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal(accepted, await Client.GetAssetAsync(new GetAssetRequest { Name = accepted.Name }));
    }

    [Theory]
    [InlineData(2015, 3, 9)] // the day before the filing (2015-03-10)
    [InlineData(2016, 1, 19)] // after the filing, the day before the publication (2016-01-20)
    public async Task GrantingBeforeTheFilingOrThePublicationIsInvalidAndChangesNothing(int year, int month, int day)
    {
        var examined = await AssetLifecycleCalls.WalkToAsync(Client, await TestAssets.CreateAsync(Client), State.SubstantiveExamination);
        var eventsBefore = await EventsOfAsync(examined.Name);

        var status = await Invalid(() => Client.GrantAssetAsync(new GrantAssetRequest
        {
            Name = examined.Name, Actor = TestAssets.Examiner, GrantNumber = "4-0271234", GrantDate = TestAssets.Day(year, month, day),
        }));

        Assert.Equal(["grant_date"], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal(examined, await Client.GetAssetAsync(new GetAssetRequest { Name = examined.Name }));
        Assert.Equal(eventsBefore, await EventsOfAsync(examined.Name));
    }

    [Fact]
    public async Task AnUnknownAssetIsNotFound()
    {
        var status = await RpcErrorAssert.FailsWith(
            StatusCode.NotFound, () => AssetLifecycleCalls.Call(Client, "StartAssetFormalityExamination", "assets/never-filed-asset"));

        Assert.Equal("ASSET_NOT_FOUND", RpcErrorAssert.Reason(status));
        Assert.Equal("assets/never-filed-asset", RpcErrorAssert.ResourceName(status));
    }

    private static Task<Google.Rpc.Status> Invalid(Func<AsyncUnaryCall<Asset>> call) => RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, call);

    private async Task AssertRefusedAsync(Asset asset, string rpc)
    {
        var eventsBefore = await EventsOfAsync(asset.Name);

        var status = await RpcErrorAssert.FailsWith(
            StatusCode.FailedPrecondition, () => AssetLifecycleCalls.Call(Client, rpc, asset.Name, asset.Etag));

        var metadata = status.GetDetail<ErrorInfo>()!.Metadata;
        Assert.Equal("INVALID_STATE_TRANSITION", RpcErrorAssert.Reason(status));
        Assert.Equal(ProtoEnumNames.Of(asset.State), metadata["from_state"]);
        Assert.Equal(ProtoEnumNames.Of(AssetLifecycleStatement.Methods[rpc].Target), metadata["to_state"]);
        Assert.Contains(ProtoEnumNames.Of(asset.State), status.Message);
        Assert.Equal(asset.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(asset, await Client.GetAssetAsync(new GetAssetRequest { Name = asset.Name }));
        Assert.Equal(eventsBefore, await EventsOfAsync(asset.Name));
    }

    private async Task<IReadOnlyList<AssetEvent>> EventsOfAsync(string assetName) =>
        (await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = assetName, PageSize = 1000 })).AssetEvents;
}

public sealed class AssetLifecycleApiTestsOnSqlite(SqliteIpService service)
    : AssetLifecycleApiTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetLifecycleApiTestsOnPostgreSql(PostgreSqlIpService service)
    : AssetLifecycleApiTests(service), IClassFixture<PostgreSqlIpService>;
