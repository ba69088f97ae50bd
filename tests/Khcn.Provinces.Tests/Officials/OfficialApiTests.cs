using Khcn.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.V1;
using static Khcn.Provinces.Tests.Infrastructure.TestRecords;

namespace Khcn.Provinces.Tests.Officials;

/// <summary>Officials and "who held this post on date D", against the real service and the seeded officials.</summary>
public abstract class OfficialApiTests(ProvincesServiceFixture service)
{
    private static readonly Date QuangTriSession = new() { Year = 2023, Month = 11, Day = 29 };

    private ProvincesService.ProvincesServiceClient Client => service.Client;

    [Fact]
    public async Task RetriedCreateWithTheSameRequestIdReturnsTheFirstResultAndStoresOneRow()
    {
        var request = new CreateOfficialRequest
        {
            OfficialId = "retried-create",
            RequestId = Guid.NewGuid().ToString(),
            Official = NewOfficial("Đặng Thị Thử Lại"),
        };

        var first = await Client.CreateOfficialAsync(request);
        var second = await Client.CreateOfficialAsync(request);

        Assert.Equal(first, second);
        Assert.Equal("officials/retried-create", first.Name);
        var listed = await Client.ListOfficialsAsync(new ListOfficialsRequest { Filter = "display_name = \"dang thi thu lai\"" });
        Assert.Equal(1, listed.TotalSize);
    }

    [Fact]
    public async Task CreateWithoutAnIdGeneratesOne()
    {
        var created = await Client.CreateOfficialAsync(new CreateOfficialRequest { Official = NewOfficial("Ông Không Mã") });

        Assert.Matches("^officials/[a-z][a-z0-9-]{3,62}$", created.Name);
        Assert.Equal("Ông Không Mã", created.DisplayName);
        Assert.NotEqual("", created.Etag);
        Assert.Equal(created, await Client.GetOfficialAsync(new GetOfficialRequest { Name = created.Name }));
    }

    [Fact]
    public async Task CreateWithATakenIdAlreadyExists()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () => Client.CreateOfficialAsync(
            new CreateOfficialRequest { OfficialId = "chu-ngoc-anh", Official = NewOfficial("Chu Ngọc Anh") }));

        Assert.Equal("officials/chu-ngoc-anh", RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task InvalidOfficialReportsEveryFieldPath()
    {
        var official = new Official();
        official.Positions.Add(new Position { Title = "no role" });
        official.Positions.Add(new Position
        {
            Role = PositionRole.PeoplesCommitteeChair,
            StartDate = new Date { Year = 2022, Month = 1, Day = 22 },
            EndDate = new Date { Year = 2021, Month = 1, Day = 1 },
        });
        official.Positions.Add(new Position { Role = PositionRole.OtherRole, Province = "provinces/99" });
        official.Positions.Add(new Position { Role = PositionRole.OtherRole, StartDate = new Date { Year = 2021, Month = 2, Day = 30 } });

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.CreateOfficialAsync(
            new CreateOfficialRequest { OfficialId = "Bad Id", Official = official }));

        Assert.Equal(
            [
                "official.display_name",
                "official.positions[0].role",
                "official.positions[1].end_date",
                "official.positions[2].province",
                "official.positions[3].start_date.day",
                "official_id",
            ],
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateWithAStaleEtagIsAborted()
    {
        var created = await Client.CreateOfficialAsync(new CreateOfficialRequest { OfficialId = "stale-etag", Official = NewOfficial("Lê Văn Cũ") });
        var renamed = created.Clone();
        renamed.DisplayName = "Lê Văn Mới";
        var updated = await Client.UpdateOfficialAsync(new UpdateOfficialRequest { Official = renamed, UpdateMask = Mask("display_name") });
        Assert.NotEqual(created.Etag, updated.Etag);

        var stale = created.Clone();
        stale.DisplayName = "Lê Văn Lỡ";
        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted,
            () => Client.UpdateOfficialAsync(new UpdateOfficialRequest { Official = stale, UpdateMask = Mask("display_name") }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal("officials/stale-etag", RpcErrorAssert.ResourceName(status));
        Assert.Equal("Lê Văn Mới", (await Client.GetOfficialAsync(new GetOfficialRequest { Name = created.Name })).DisplayName);
    }

    [Fact]
    public async Task UpdateChangesOnlyTheFieldsInTheMask()
    {
        var created = await Client.CreateOfficialAsync(new CreateOfficialRequest { OfficialId = "masked-update", Official = NewOfficial("Phan Thị Giữ") });
        var change = new Official { Name = created.Name, DisplayName = "Phan Thị Đổi" };

        var updated = await Client.UpdateOfficialAsync(new UpdateOfficialRequest { Official = change, UpdateMask = Mask("display_name") });

        Assert.Equal("Phan Thị Đổi", updated.DisplayName);
        Assert.Equal(created.Positions, updated.Positions);
        Assert.Equal(created.CreateTime, updated.CreateTime);
    }

    [Fact]
    public async Task UpdateReplacesPositionsWhenTheyAreInTheMask()
    {
        var created = await Client.CreateOfficialAsync(new CreateOfficialRequest { OfficialId = "new-positions", Official = NewOfficial("Vũ Văn Chuyển") });
        var change = new Official { Name = created.Name };
        change.Positions.Add(new Position { Role = PositionRole.DepartmentDeputyDirector, Province = "provinces/12", StartDate = new Date { Year = 2024 } });

        var updated = await Client.UpdateOfficialAsync(new UpdateOfficialRequest { Official = change, UpdateMask = Mask("positions") });

        Assert.Equal(change.Positions, updated.Positions);
        Assert.Equal(change.Positions, (await Client.GetOfficialAsync(new GetOfficialRequest { Name = created.Name })).Positions);
    }

    [Fact]
    public async Task OutputOnlyFieldsCannotBeUpdated()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateOfficialAsync(new UpdateOfficialRequest
        {
            Official = new Official { Name = "officials/chu-ngoc-anh" },
            UpdateMask = Mask("display_name", "create_time"),
        }));

        Assert.Equal(["update_mask.paths[1]"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task DeleteChecksTheEtagThenRemovesTheOfficial()
    {
        var created = await Client.CreateOfficialAsync(new CreateOfficialRequest { OfficialId = "to-delete", Official = NewOfficial("Tạ Văn Xóa") });

        await RpcErrorAssert.FailsWith(StatusCode.Aborted,
            () => Client.DeleteOfficialAsync(new DeleteOfficialRequest { Name = created.Name, Etag = "\"999\"" }));
        await Client.DeleteOfficialAsync(new DeleteOfficialRequest { Name = created.Name, Etag = created.Etag });

        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound,
            () => Client.GetOfficialAsync(new GetOfficialRequest { Name = created.Name }));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task PostHoldersOfTodaysProvinceIncludeThoseFiledUnderItsClosedCode()
    {
        var response = await Client.FindPostHoldersAsync(new FindPostHoldersRequest
        {
            Role = PositionRole.PeoplesCommitteeChair,
            Province = "provinces/44",
            Date = QuangTriSession,
        });

        var holder = Assert.Single(response.Holders);
        Assert.Equal("Võ Văn Hưng", holder.Official.DisplayName);
        Assert.Equal(PositionRole.PeoplesCommitteeChair, holder.Position.Role);
        Assert.Equal("provinces/45", holder.Position.Province);
    }

    [Fact]
    public async Task PostHoldersAreThoseInPostOnTheDate()
    {
        var langSon = await Client.FindPostHoldersAsync(new FindPostHoldersRequest
        {
            Role = PositionRole.PeoplesCommitteeChair, Province = "provinces/20", Date = new Date { Year = 2019, Month = 6, Day = 12 },
        });
        var laiChauBeforeItsChairsTerm = await Client.FindPostHoldersAsync(new FindPostHoldersRequest
        {
            Role = PositionRole.PeoplesCommitteeChair, Province = "provinces/12", Date = new Date { Year = 2019, Month = 6, Day = 12 },
        });

        Assert.Equal(["Phạm Ngọc Thưởng"], langSon.Holders.Select(h => h.Official.DisplayName));
        Assert.Empty(laiChauBeforeItsChairsTerm.Holders);
    }

    [Theory]
    [InlineData(2019, 6, 12, "Chu Ngọc Anh")]
    [InlineData(2020, 11, 11, "Chu Ngọc Anh")]
    [InlineData(2020, 11, 12, "Huỳnh Thành Đạt")]
    [InlineData(2022, 1, 22, "Huỳnh Thành Đạt")]
    public async Task CentralPostHoldersChangeOnTheDatesOfTheirTerms(int year, int month, int day, string minister)
    {
        var response = await Client.FindPostHoldersAsync(new FindPostHoldersRequest
        {
            Role = PositionRole.Minister,
            Date = new Date { Year = year, Month = month, Day = day },
        });

        Assert.Equal([minister], response.Holders.Select(h => h.Official.DisplayName));
    }

    [Fact]
    public async Task FindingPostHoldersNeedsARoleAndACompleteDate()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument,
            () => Client.FindPostHoldersAsync(new FindPostHoldersRequest { Province = "provinces/44", Date = new Date { Year = 2023 } }));

        Assert.Equal(["date", "role"], RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProvinceFilterMatchesTheWholeLineage()
    {
        var response = await Client.ListOfficialsAsync(new ListOfficialsRequest { Filter = "positions.province = \"provinces/44\"" });

        Assert.Equal(
            ["officials/le-duc-tien", "officials/tran-ngoc-lan", "officials/vo-van-hung"],
            response.Officials.Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RoleFilterAndNameSearchNarrowTheList()
    {
        var ministers = await Client.ListOfficialsAsync(new ListOfficialsRequest { Filter = "positions.role = MINISTER" });
        var searched = await Client.ListOfficialsAsync(new ListOfficialsRequest { Filter = "\"LAM THI\"" });

        Assert.Equal(["Chu Ngọc Anh", "Huỳnh Thành Đạt"], ministers.Officials.Select(o => o.DisplayName));
        Assert.Equal(["Lâm Thị Phương Thanh"], searched.Officials.Select(o => o.DisplayName));
    }

    [Fact]
    public async Task ListingPagesThroughEveryOfficialOnce()
    {
        var seen = new List<string>();
        var request = new ListOfficialsRequest { PageSize = 3, Filter = "positions.role = DEPUTY_PARTY_SECRETARY OR positions.role = OTHER_ROLE" };
        int total;
        do
        {
            var page = await Client.ListOfficialsAsync(request);
            total = page.TotalSize;
            Assert.True(page.Officials.Count <= 3);
            seen.AddRange(page.Officials.Select(o => o.Name));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        Assert.True(total > 3);
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    private static Official NewOfficial(string displayName)
    {
        var official = new Official { DisplayName = displayName };
        official.Positions.Add(new Position
        {
            Role = PositionRole.OtherRole,
            Title = "Chuyên viên",
            Organisation = "Sở Khoa học và Công nghệ tỉnh Lai Châu",
            Province = "provinces/12",
            StartDate = new Date { Year = 2020, Month = 3 },
        });
        return official;
    }
}

public sealed class OfficialApiTestsOnSqlite(SqliteProvincesService service)
    : OfficialApiTests(service), IClassFixture<SqliteProvincesService>;

public sealed class OfficialApiTestsOnPostgreSql(PostgreSqlProvincesService service)
    : OfficialApiTests(service), IClassFixture<PostgreSqlProvincesService>;
