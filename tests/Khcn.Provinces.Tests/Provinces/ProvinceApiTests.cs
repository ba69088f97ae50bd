using Khcn.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Aip;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Tests.Provinces;

/// <summary>GetProvince, ListProvinces and ResolveProvince against the real service and its seeded provinces.</summary>
public abstract class ProvinceApiTests(ProvincesServiceFixture service)
{
    private static readonly Date QuangTriSession = new() { Year = 2023, Month = 11, Day = 29 };
    private static readonly Date DayBeforeMerger = new() { Year = 2025, Month = 6, Day = 30 };

    private ProvincesService.ProvincesServiceClient Client => service.Client;

    [Fact]
    public async Task ClosedCodeIsReadableWithItsSuccessor()
    {
        var province = await Client.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/45" });

        Assert.Equal("45", province.Code);
        Assert.Equal("Quảng Trị", province.DisplayName);
        Assert.Equal("44", province.SuccessorCode);
        Assert.Equal(DayBeforeMerger, province.ValidTo);
        Assert.Empty(province.PredecessorCodes);
    }

    [Fact]
    public async Task MergedUnitShowsItsPreviousIncarnationAndPredecessors()
    {
        var province = await Client.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/44" });

        Assert.Equal("provinces/44", province.Name);
        Assert.Equal("Quảng Trị", province.DisplayName);
        Assert.Equal("Đồng Hới", province.Seat);
        Assert.Equal(new Date { Year = 2025, Month = 7, Day = 1 }, province.ValidFrom);
        Assert.Null(province.ValidTo);
        Assert.Equal("", province.SuccessorCode);
        Assert.Equal(["45"], province.PredecessorCodes);
        var previous = Assert.Single(province.PreviousIncarnations);
        Assert.Equal("Quảng Bình", previous.DisplayName);
        Assert.Equal(DayBeforeMerger, previous.ValidTo);
    }

    [Fact]
    public async Task UnknownProvinceIsNotFoundWithItsName()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound,
            () => Client.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/99" }));

        Assert.Equal("provinces/99", RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task MalformedProvinceNameIsInvalid()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument,
            () => Client.GetProvinceAsync(new GetProvinceRequest { Name = "tinh/44" }));

        Assert.Contains("name", RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task ListingDefaultsToTheThirtyFourUnitsOfToday()
    {
        var response = await Client.ListProvincesAsync(new ListProvincesRequest());

        Assert.Equal(34, response.TotalSize);
        Assert.Equal(34, response.Provinces.Count);
        Assert.All(response.Provinces, p => Assert.Null(p.ValidTo));
        Assert.Equal("", response.NextPageToken);
    }

    [Fact]
    public async Task ListingOnTheDayBeforeTheMergerGivesSixtyThreeUnits()
    {
        var response = await Client.ListProvincesAsync(new ListProvincesRequest { ValidOn = DayBeforeMerger, PageSize = 100 });

        Assert.Equal(63, response.TotalSize);
        Assert.Contains(response.Provinces, p => p.Code == "45" && p.DisplayName == "Quảng Trị");
        Assert.Contains(response.Provinces, p => p.Code == "44" && p.DisplayName == "Quảng Bình");
    }

    [Fact]
    public async Task HistoricalListingReturnsEveryIncarnation()
    {
        var all = await ListAllAsync(new ListProvincesRequest { IncludeHistorical = true, PageSize = 100, OrderBy = "code" });

        Assert.Equal(SeedIncarnationCount(), all.Count);
        Assert.Equal(2, all.Count(p => p.Code == "44"));
        Assert.Contains(all, p => p.Code == "45" && p.SuccessorCode == "44");
    }

    [Theory]
    [InlineData("display_name = \"quang tri\"")]
    [InlineData("display_name = \"QUẢNG TRỊ\"")]
    [InlineData("\"quang tri\"")]
    public async Task NameSearchIgnoresCaseAndDiacritics(string filter)
    {
        var response = await Client.ListProvincesAsync(new ListProvincesRequest { Filter = filter });

        var province = Assert.Single(response.Provinces);
        Assert.Equal("44", province.Code);
        Assert.Equal("Quảng Trị", province.DisplayName);
    }

    [Fact]
    public async Task HasOperatorFindsEveryNameContainingTheText()
    {
        var response = await Client.ListProvincesAsync(new ListProvincesRequest { Filter = "display_name:\"lang\"" });

        var names = response.Provinces.Select(p => p.DisplayName).ToList();
        Assert.Contains("Lạng Sơn", names);
        Assert.All(names, n => Assert.Contains("lang", TextFolding.Fold(n), StringComparison.Ordinal));
        Assert.Equal(response.TotalSize, names.Count);
    }

    [Fact]
    public async Task FiltersCombineRegionAndKind()
    {
        var response = await Client.ListProvincesAsync(new ListProvincesRequest
        {
            Filter = "region = RED_RIVER_DELTA AND kind = CENTRALLY_RUN_CITY",
        });

        Assert.Equal(["Hà Nội", "Hải Phòng"], response.Provinces.Select(p => p.DisplayName).Order());
    }

    [Fact]
    public async Task UnknownFilterFieldIsInvalid()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument,
            () => Client.ListProvincesAsync(new ListProvincesRequest { Filter = "population > 5" }));

        Assert.Equal(["filter"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task DefaultOrderIsVietnameseAlphabeticalOrder()
    {
        var names = (await Client.ListProvincesAsync(new ListProvincesRequest())).Provinces.Select(p => p.DisplayName).ToList();

        // Đ is a letter of its own after D; Â after A; tones do not reorder base letters.
        Assert.Equal("An Giang", names[0]);
        Assert.True(names.IndexOf("Cần Thơ") < names.IndexOf("Đà Nẵng"));
        Assert.True(names.IndexOf("Đồng Tháp") < names.IndexOf("Gia Lai"));
        Assert.True(names.IndexOf("Hà Nội") < names.IndexOf("Hà Tĩnh"));
        Assert.True(names.IndexOf("Hà Tĩnh") < names.IndexOf("Hải Phòng"));
        Assert.Equal(names.OrderBy(VietnameseSortKey.For, StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task OrderByCodeDescendingIsHonoured()
    {
        var codes = (await Client.ListProvincesAsync(new ListProvincesRequest { OrderBy = "code desc" })).Provinces.Select(p => p.Code).ToList();

        Assert.Equal(codes.OrderDescending(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task PagesWalkEveryUnitOnceAndStop()
    {
        var all = await ListAllAsync(new ListProvincesRequest { ValidOn = DayBeforeMerger, PageSize = 10 });

        Assert.Equal(63, all.Count);
        Assert.Equal(63, all.Select(p => p.Code).Distinct().Count());
    }

    [Fact]
    public async Task TamperedPageTokenIsInvalid()
    {
        var first = await Client.ListProvincesAsync(new ListProvincesRequest { PageSize = 5 });
        var token = first.NextPageToken;
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument,
            () => Client.ListProvincesAsync(new ListProvincesRequest { PageSize = 5, PageToken = tampered }));

        Assert.Equal(["page_token"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task PageTokenOfAnotherFilterIsInvalid()
    {
        var first = await Client.ListProvincesAsync(new ListProvincesRequest { PageSize = 5 });

        await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument,
            () => Client.ListProvincesAsync(new ListProvincesRequest { PageSize = 5, PageToken = first.NextPageToken, Filter = "kind = PROVINCE" }));
    }

    [Fact]
    public async Task PageSizeZeroMeansFiftyAndNegativeIsInvalid()
    {
        var response = await Client.ListProvincesAsync(new ListProvincesRequest { IncludeHistorical = true });

        Assert.Equal(50, response.Provinces.Count);
        Assert.True(response.TotalSize > 50);
        Assert.NotEqual("", response.NextPageToken);
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument,
            () => Client.ListProvincesAsync(new ListProvincesRequest { PageSize = -1 }));
        Assert.Equal(["page_size"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task ClosedCodeResolvesToTodaysUnitWithItsWholeLineage()
    {
        var response = await Client.ResolveProvinceAsync(new ResolveProvinceRequest { Code = "45", Date = QuangTriSession });

        Assert.Equal(("45", "Quảng Trị"), (response.Historical.Code, response.Historical.DisplayName));
        Assert.Equal("44", response.Current.Code);
        Assert.Null(response.Current.ValidTo);
        Assert.Equal(
            [("44", "Quảng Bình"), ("44", "Quảng Trị"), ("45", "Quảng Trị")],
            response.Lineage.Select(p => (p.Code, p.DisplayName)));
    }

    [Fact]
    public async Task OpenCodeResolvesToItselfByDefaultToday()
    {
        var response = await Client.ResolveProvinceAsync(new ResolveProvinceRequest { Code = "20" });

        Assert.Equal("20", response.Historical.Code);
        Assert.Equal("20", response.Current.Code);
        Assert.Equal(["20"], response.Lineage.Select(p => p.Code));
    }

    [Fact]
    public async Task ClosedCodeCannotBeResolvedForToday()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument,
            () => Client.ResolveProvinceAsync(new ResolveProvinceRequest { Code = "45" }));

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
        Assert.Contains("provinces/44", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Single().Description);
    }

    [Fact]
    public async Task ResolvingRequiresACodeAndACompleteDate()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument,
            () => Client.ResolveProvinceAsync(new ResolveProvinceRequest { Date = new Date { Year = 2023 } }));

        Assert.Equal(["code", "date"], RpcErrorAssert.ViolatedFields(status).Order());
    }

    [Fact]
    public async Task UnknownCodeCannotBeResolved()
    {
        await RpcErrorAssert.FailsWith(StatusCode.NotFound,
            () => Client.ResolveProvinceAsync(new ResolveProvinceRequest { Code = "99", Date = QuangTriSession }));
    }

    private async Task<List<Province>> ListAllAsync(ListProvincesRequest request)
    {
        var all = new List<Province>();
        var pages = 0;
        do
        {
            var response = await Client.ListProvincesAsync(request);
            Assert.True(response.Provinces.Count > 0 || all.Count == 0);
            all.AddRange(response.Provinces);
            request.PageToken = response.NextPageToken;
            Assert.True(++pages < 100, "paging does not end");
        }
        while (request.PageToken != "");

        return all;
    }

    private static int SeedIncarnationCount() =>
        Khcn.Provinces.Tests.Domain.SeedFiles.ProvinceUnits().Count;
}

public sealed class ProvinceApiTestsOnSqlite(SqliteProvincesService service)
    : ProvinceApiTests(service), IClassFixture<SqliteProvincesService>;

public sealed class ProvinceApiTestsOnPostgreSql(PostgreSqlProvincesService service)
    : ProvinceApiTests(service), IClassFixture<PostgreSqlProvincesService>;
