using System.Text;
using Grpc.Core;
using static Khcn.IntellectualProperty.Tests.Assets.AssetTestSupport;
using static Khcn.IntellectualProperty.Tests.Infrastructure.TestAssets;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using HolderKind = Khcn.IntellectualProperty.V1.Holder.Types.Kind;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Assets;

/// <summary>CreateAsset against the real service: what is stored, idempotent retries, and every validation rule.</summary>
public abstract class AssetCreateTests(IpServiceFixture service)
{
    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task A_created_asset_keeps_every_field_starts_filed_and_reads_back_the_same()
    {
        var input = Marked(Marker());
        input.ApplicationNumber = NewApplicationNumber();
        input.NiceClasses.Add(31);
        input.Ocop = new OcopRating { Stars = 4, CertifiedDate = Day(2022, 5, 20) };
        input.Priority = new Priority { CountryCode = "LA", ApplicationNumber = "LA-2014-77", Date = Day(2014, 11, 3) };
        var id = NewAssetId();
        var before = DateTime.UtcNow.AddTicks(-10);

        var created = await Client.CreateAssetAsync(new CreateAssetRequest { Asset = input, AssetId = id });

        var expected = input.Clone();
        expected.Name = $"assets/{id}";
        expected.State = State.Filed;
        expected.Ocop.ExpiryDate = Day(2025, 5, 20);
        expected.Etag = "\"1\"";
        expected.CreateTime = created.CreateTime;
        expected.UpdateTime = created.UpdateTime;
        Assert.Equal(expected, created);
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.InRange(created.CreateTime.ToDateTime(), before, DateTime.UtcNow);
        Assert.Equal(created, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Creating_records_one_filed_event_with_a_snapshot_of_the_new_asset()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        var entry = Assert.Single(await EventsAsync(Client, created.Name));

        Assert.Equal(EventType.Filed, entry.Type);
        Assert.Equal(State.Unspecified, entry.PreviousState);
        Assert.Equal(State.Filed, entry.NewState);
        Assert.Equal(created.CreateTime, entry.RecordTime);
        Assert.Equal(created, entry.AssetSnapshot);
    }

    [Fact]
    public async Task Output_only_fields_in_the_input_are_ignored()
    {
        var input = Marked(Marker());
        input.State = State.InForce;
        input.GrantNumber = "GCN-123";
        input.GrantDate = Day(2016, 1, 1);
        input.PublicationDate = Day(2015, 6, 1);
        input.ExpiryDate = Day(2030, 1, 1);
        input.RenewalWindowStart = Day(2029, 7, 1);
        input.GracePeriodEnd = Day(2030, 7, 1);
        input.RenewalCount = 3;
        input.Etag = "\"42\"";

        var created = await CreateAsync(Client, input);

        Assert.Equal(State.Filed, created.State);
        Assert.Equal("", created.GrantNumber);
        Assert.Null(created.GrantDate);
        Assert.Null(created.PublicationDate);
        Assert.Null(created.ExpiryDate);
        Assert.Null(created.RenewalWindowStart);
        Assert.Null(created.GracePeriodEnd);
        Assert.Equal(0, created.RenewalCount);
        Assert.Equal("\"1\"", created.Etag);
    }

    [Fact]
    public async Task A_generated_id_is_a_valid_resource_id()
    {
        var created = await CreateAsync(Client, Marked(Marker()));

        Assert.StartsWith("assets/", created.Name);
        Assert.True(Khcn.Aip.ResourceIds.IsValid(created.Name["assets/".Length..]), created.Name);
    }

    [Fact]
    public async Task Vietnamese_text_sent_decomposed_is_stored_in_nfc()
    {
        var marker = Marker();
        var input = Marked(marker);
        input.Title = $"Gạo Séng Cù Mường Than {marker}".Normalize(NormalizationForm.FormD);
        input.Holder.DisplayName = "Sở Khoa học và Công nghệ tỉnh Lai Châu".Normalize(NormalizationForm.FormD);
        input.Holder.Address = "Phường Tân Phong, Lai Châu".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(input.Title, input.Title.Normalize(NormalizationForm.FormC));

        var created = await CreateAsync(Client, input);

        Assert.Equal($"Gạo Séng Cù Mường Than {marker}".Normalize(NormalizationForm.FormC), created.Title);
        Assert.Equal("Sở Khoa học và Công nghệ tỉnh Lai Châu".Normalize(NormalizationForm.FormC), created.Holder.DisplayName);
        Assert.Equal("Phường Tân Phong, Lai Châu".Normalize(NormalizationForm.FormC), created.Holder.Address);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_asset_and_creates_nothing_more()
    {
        var marker = Marker();
        var request = new CreateAssetRequest { Asset = Marked(marker), RequestId = Guid.NewGuid().ToString() };

        await RequestIdRetries.AssertRetryReturnsTheFirstAsync(
            async () => await Client.CreateAssetAsync(request), a => a.Name, () => NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Concurrent_retries_with_the_same_request_id_all_get_the_one_asset_created()
    {
        var marker = Marker();
        var request = new CreateAssetRequest { Asset = Marked(marker), RequestId = Guid.NewGuid().ToString() };

        await RequestIdRetries.AssertConcurrentRetriesGetTheOneCreatedAsync(
            6, async () => await service.NewClient().CreateAssetAsync(request), a => a.Name, () => NamesAsync(Client, marker));
    }

    [Fact]
    public async Task A_request_id_that_is_not_a_uuid_is_refused()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = Marked(Marker()), RequestId = "nop-don-1" }));

        Assert.Equal(["request_id"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_missing_asset_is_refused_on_field_asset()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { AssetId = NewAssetId() }));

        Assert.Equal(["asset"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_taken_id_is_refused_with_already_exists_and_the_first_asset_is_unchanged()
    {
        var id = NewAssetId();
        var first = await CreateAsync(Client, Marked(Marker()), id);

        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = Marked(Marker(), "Sâm Lai Châu"), AssetId = id }));

        Assert.Equal("ASSET_ALREADY_EXISTS", RpcErrorAssert.Reason(status));
        Assert.Equal(first.Name, RpcErrorAssert.ResourceName(status));
        Assert.Equal(first, await Client.GetAssetAsync(new GetAssetRequest { Name = first.Name }));
    }

    [Fact]
    public async Task A_taken_application_number_is_refused_naming_the_asset_that_holds_it()
    {
        var number = NewApplicationNumber();
        var holderInput = Marked(Marker());
        holderInput.ApplicationNumber = number;
        var holder = await CreateAsync(Client, holderInput);
        var marker = Marker();
        var second = Marked(marker, "Chè Tam Đường");
        // Padding does not make it another number: the IP Office's numbers are compared as stored, trimmed.
        second.ApplicationNumber = $" {number} ";

        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = second }));

        Assert.Equal("DUPLICATE_APPLICATION_NUMBER", RpcErrorAssert.Reason(status));
        Assert.Equal(holder.Name, RpcErrorAssert.ResourceName(status));
        Assert.Contains(holder.Name, status.Message);
        Assert.Empty(await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Assets_without_an_application_number_do_not_collide()
    {
        var marker = Marker();

        var created = new[] { await CreateAsync(Client, Marked(marker)), await CreateAsync(Client, Marked(marker)) };

        Assert.Equal(Sorted(created), (await NamesAsync(Client, marker)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_mark_without_a_mark_type_is_refused_with_reason_mark_type_required()
    {
        var marker = Marker();
        var input = Marked(marker);
        input.MarkType = MarkType.Unspecified;

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = input }));

        Assert.Equal("MARK_TYPE_REQUIRED", RpcErrorAssert.Reason(status));
        Assert.Equal(["asset.mark_type"], RpcErrorAssert.ViolatedFields(status));
        Assert.Empty(await NamesAsync(Client, marker));
    }

    /// <summary>One broken field per case, the path the violation must name and the ErrorInfo reason.</summary>
    private static readonly Dictionary<string, (Action<Asset> Break, string Field, string Reason)> SingleViolations = new()
    {
        ["title blank"] = (a => a.Title = "  ", "asset.title", "INVALID_ARGUMENT"),
        ["kind unspecified"] = (a => AsInvention(a, AssetKind.Unspecified), "asset.kind", "INVALID_ARGUMENT"),
        ["kind unknown"] = (a => AsInvention(a, (AssetKind)99), "asset.kind", "INVALID_ARGUMENT"),
        ["mark type unknown"] = (a => a.MarkType = (MarkType)99, "asset.mark_type", "INVALID_ARGUMENT"),
        ["mark type on an invention"] = (a => AsInvention(a).MarkType = MarkType.Ordinary, "asset.mark_type", "INVALID_ARGUMENT"),
        ["nice class 0"] = (a => a.NiceClasses.Add(0), "asset.nice_classes[1]", "INVALID_ARGUMENT"),
        ["nice class 46"] = (a => a.NiceClasses.Add(46), "asset.nice_classes[1]", "INVALID_ARGUMENT"),
        ["nice class repeated"] = (a => a.NiceClasses.Add(30), "asset.nice_classes[1]", "INVALID_ARGUMENT"),
        ["nice classes on an invention"] = (a => AsInvention(a).NiceClasses.Add(30), "asset.nice_classes", "INVALID_ARGUMENT"),
        ["representation on a design"] = (a => AsInvention(a, AssetKind.IndustrialDesign).Representation = MarkRepresentation.Word, "asset.representation", "INVALID_ARGUMENT"),
        ["representation unknown"] = (a => a.Representation = (MarkRepresentation)9, "asset.representation", "INVALID_ARGUMENT"),
        ["holder missing"] = (a => a.Holder = null, "asset.holder.display_name", "INVALID_ARGUMENT"),
        ["holder name blank"] = (a => a.Holder.DisplayName = " ", "asset.holder.display_name", "INVALID_ARGUMENT"),
        ["holder kind unknown"] = (a => a.Holder.Kind = (HolderKind)99, "asset.holder.kind", "INVALID_ARGUMENT"),
        ["province code missing"] = (a => a.ProvinceCode = "", "asset.province_code", "INVALID_ARGUMENT"),
        ["province code unknown"] = (a => a.ProvinceCode = "99", "asset.province_code", "PROVINCE_NOT_FOUND"),
        ["filing date missing"] = (a => a.FilingDate = null, "asset.filing_date", "INVALID_ARGUMENT"),
        ["filing date without a day"] = (a => a.FilingDate = new Google.Type.Date { Year = 2015, Month = 3 }, "asset.filing_date", "INVALID_ARGUMENT"),
        ["filing date 30 February"] = (a => a.FilingDate = Day(2015, 2, 30), "asset.filing_date.day", "INVALID_ARGUMENT"),
        ["filing date in the future"] = (a => a.FilingDate = Day(DateTime.UtcNow.Year + 1, 1, 1), "asset.filing_date", "INVALID_ARGUMENT"),
        ["priority country missing"] = (a => a.Priority = new Priority { Date = Day(2014, 12, 1) }, "asset.priority.country_code", "INVALID_ARGUMENT"),
        ["priority country of three letters"] = (a => a.Priority = new Priority { CountryCode = "USA", Date = Day(2014, 12, 1) }, "asset.priority.country_code", "INVALID_ARGUMENT"),
        ["priority date missing"] = (a => a.Priority = new Priority { CountryCode = "US", ApplicationNumber = "87/123" }, "asset.priority.date", "INVALID_ARGUMENT"),
        ["priority after filing"] = (a => a.Priority = new Priority { CountryCode = "US", Date = Day(2015, 3, 11) }, "asset.priority.date", "INVALID_ARGUMENT"),
        ["mark priority older than 6 months"] = (a => a.Priority = new Priority { CountryCode = "US", Date = Day(2014, 9, 9) }, "asset.priority.date", "INVALID_ARGUMENT"),
        ["invention priority older than 12 months"] = (a => AsInvention(a).Priority = new Priority { CountryCode = "JP", Date = Day(2014, 3, 9) }, "asset.priority.date", "INVALID_ARGUMENT"),
        ["priority on a geographical indication"] = (a => AsInvention(a, AssetKind.GeographicalIndication).Priority = new Priority { CountryCode = "US", Date = Day(2015, 1, 1) }, "asset.priority", "INVALID_ARGUMENT"),
        ["ocop 2 stars"] = (a => a.Ocop = new OcopRating { Stars = 2 }, "asset.ocop.stars", "INVALID_ARGUMENT"),
        ["ocop 6 stars"] = (a => a.Ocop = new OcopRating { Stars = 6 }, "asset.ocop.stars", "INVALID_ARGUMENT"),
        ["ocop certified in the future"] = (a => a.Ocop = new OcopRating { Stars = 3, CertifiedDate = Day(DateTime.UtcNow.Year + 1, 1, 1) }, "asset.ocop.certified_date", "INVALID_ARGUMENT"),
        ["origin task malformed"] = (a => a.OriginTask = "projects/na-chi-lang", "asset.origin_task", "INVALID_ARGUMENT"),
    };

    public static TheoryData<string> SingleViolationCases() => [.. SingleViolations.Keys];

    [Theory]
    [MemberData(nameof(SingleViolationCases))]
    public async Task Each_invalid_field_is_refused_with_its_path_and_nothing_is_created(string rule)
    {
        var marker = Marker();
        var input = Marked(marker);
        var (breakIt, field, reason) = SingleViolations[rule];
        breakIt(input);

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = input }));

        Assert.Equal([field], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal(reason, RpcErrorAssert.Reason(status));
        Assert.Empty(await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task Every_violation_is_reported_in_one_error()
    {
        var input = new Asset
        {
            Kind = AssetKind.Mark,
            NiceClasses = { 0, 12, 12, 46 },
            Priority = new Priority { CountryCode = "VNM", Date = Day(2015, 2, 1) },
            Ocop = new OcopRating { Stars = 7 },
            FilingDate = new Google.Type.Date { Year = 2015 },
            OriginTask = "task/1",
        };

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = input, AssetId = "X" }));

        Assert.Equal("INVALID_ARGUMENT", RpcErrorAssert.Reason(status));
        Assert.Equal(
            new[]
            {
                "asset.filing_date", "asset.holder.display_name", "asset.mark_type", "asset.nice_classes[0]",
                "asset.nice_classes[2]", "asset.nice_classes[3]", "asset.ocop.stars", "asset.origin_task",
                "asset.priority.country_code", "asset.province_code", "asset.title", "asset_id",
            },
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_priority_period_ends_on_the_same_day_12_or_6_months_later()
    {
        var marker = Marker();
        var invention = MarkedInvention(marker);
        invention.Priority = new Priority { CountryCode = "jp", Date = Day(2018, 6, 12) };
        var mark = Marked(marker);
        mark.Priority = new Priority { CountryCode = "US", Date = Day(2014, 9, 10) };
        var markOneDayLate = Marked(marker);
        markOneDayLate.Priority = new Priority { CountryCode = "US", Date = Day(2014, 9, 9) };

        var inventionCreated = await CreateAsync(Client, invention);
        var markCreated = await CreateAsync(Client, mark);
        var late = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = markOneDayLate }));

        Assert.Equal("JP", inventionCreated.Priority.CountryCode);
        Assert.Equal(Day(2018, 6, 12), inventionCreated.Priority.Date);
        Assert.Equal(Day(2014, 9, 10), markCreated.Priority.Date);
        Assert.Equal(["asset.priority.date"], RpcErrorAssert.ViolatedFields(late));
    }

    [Fact]
    public async Task A_province_code_is_checked_on_the_filing_date()
    {
        var marker = Marker();
        var beforeMerger = InProvince(marker, "45", Day(2023, 11, 29));
        var afterMerger = InProvince(marker, "45", Day(2025, 8, 1));
        var successor = InProvince(marker, "44", Day(2025, 8, 1));

        var kept = await CreateAsync(Client, beforeMerger);
        var closed = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = afterMerger }));
        var current = await CreateAsync(Client, successor);

        Assert.Equal("45", kept.ProvinceCode);
        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(closed));
        Assert.Equal(["asset.province_code"], RpcErrorAssert.ViolatedFields(closed));
        Assert.Equal("44", current.ProvinceCode);
        Assert.Equal(Sorted(kept, current), (await NamesAsync(Client, marker)).Order(StringComparer.Ordinal));
    }

    /// <summary>Turns the certification mark into another kind, without the mark-only fields (filed on the same day).</summary>
    private static Asset AsInvention(Asset asset, AssetKind kind = AssetKind.Invention)
    {
        asset.Kind = kind;
        asset.MarkType = MarkType.Unspecified;
        asset.NiceClasses.Clear();
        asset.Representation = MarkRepresentation.Unspecified;
        return asset;
    }
}

public sealed class AssetCreateTestsOnSqlite(SqliteIpService service) : AssetCreateTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetCreateTestsOnPostgreSql(PostgreSqlIpService service) : AssetCreateTests(service), IClassFixture<PostgreSqlIpService>;
