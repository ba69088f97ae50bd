using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.V1;
using static Khcn.Services.Tests.Security.ProvinceWriteRecords;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Services.Tests.Security;

/// <summary>The province rule of writes holds in IntellectualProperty and Provinces as it does in Tasks.</summary>
[Collection(ProvinceWriteCollection.Name)]
public sealed class ProvinceWriteOtherServicesTests(ProvinceWriteSuite suite)
{
    private static readonly Google.Type.Date Before2025Merger = new() { Year = 2023, Month = 11, Day = 29 };

    [Fact]
    public async Task Asset_IsWrittenByItsProvinceOnly()
    {
        var ip = suite.IntellectualProperty;
        var asset = await ip.CreateAssetAsync(new CreateAssetRequest { Asset = CertificationMark("12", Marker()) }, suite.Province("12"));

        var examine = await RefusedAsync(() => ip.StartAssetFormalityExaminationAsync(
            new StartAssetFormalityExaminationRequest { Name = asset.Name, Actor = "Cục Sở hữu trí tuệ" }, suite.Province("20")));
        var move = await RefusedAsync(() => ip.UpdateAssetAsync(
            new UpdateAssetRequest { Asset = new Asset { Name = asset.Name, ProvinceCode = "20" }, UpdateMask = Mask("province_code") },
            suite.Province("12")));
        var examined = await ip.StartAssetFormalityExaminationAsync(
            new StartAssetFormalityExaminationRequest { Name = asset.Name, Actor = "Cục Sở hữu trí tuệ" }, suite.Province("12"));

        Assert.Equal("PROVINCE_NOT_GRANTED", examine.Type);
        Assert.Equal("12", examine.Metadata["province_code"]);
        Assert.Equal("20", move.Metadata["province_code"]);
        Assert.Equal(Asset.Types.State.FormalityExamination, examined.State);
        Assert.Equal("12", examined.ProvinceCode);
    }

    [Fact]
    public async Task AssetOfAnotherProvince_CannotBeCreated()
    {
        var info = await RefusedAsync(() => suite.IntellectualProperty.CreateAssetAsync(
            new CreateAssetRequest { Asset = CertificationMark("12", Marker()) }, suite.Province("20")));

        Assert.Equal("PROVINCE_NOT_GRANTED", info.Type);
        Assert.Equal("12", info.Metadata["province_code"]);
    }

    [Fact]
    public async Task Engagement_IsWrittenByItsProvinceOnly_AndNothingIsWrittenOnRefusal()
    {
        var provinces = suite.Provinces;
        var marker = Marker();
        var engagementId = $"pw-{marker}";

        var create = await RefusedAsync(() => provinces.CreateEngagementAsync(
            new CreateEngagementRequest { EngagementId = engagementId, Engagement = WorkingSession("provinces/12", Before2025Merger, marker) },
            suite.Province("20")));
        var created = await provinces.CreateEngagementAsync(
            new CreateEngagementRequest { EngagementId = engagementId, Engagement = WorkingSession("provinces/12", Before2025Merger, marker) },
            suite.Province("12"));
        var delete = await RefusedAsync(() => provinces.DeleteEngagementAsync(new DeleteEngagementRequest { Name = created.Name }, suite.Province("20")));
        var move = await RefusedAsync(() => provinces.UpdateEngagementAsync(
            new UpdateEngagementRequest { Engagement = new Engagement { Name = created.Name, Province = "provinces/20" }, UpdateMask = Mask("province") },
            suite.Province("12")));

        Assert.Equal("PROVINCE_NOT_GRANTED", create.Type);
        Assert.Equal("12", create.Metadata["province_code"]);
        Assert.Equal("12", delete.Metadata["province_code"]);
        Assert.Equal("20", move.Metadata["province_code"]);
        var stored = await provinces.GetEngagementAsync(new GetEngagementRequest { Name = created.Name }, suite.MinistryReader);
        Assert.Equal("provinces/12", stored.Province);
        Assert.Equal(created.Etag, stored.Etag);
    }

    [Fact]
    public async Task GrantOfTheMergedProvince_WritesAnEngagementUnderItsHistoricalCode()
    {
        // The 2023-11-29 session in Quảng Trị is filed under 45, the code of its time; today's unit is 44.
        var created = await suite.Provinces.CreateEngagementAsync(
            new CreateEngagementRequest { Engagement = WorkingSession("provinces/45", Before2025Merger, Marker()) }, suite.Province("44"));

        Assert.Equal("provinces/45", created.Province);
    }

    [Fact]
    public async Task Department_IsWrittenByItsProvinceOnly()
    {
        var info = await RefusedAsync(() => suite.Provinces.UpdateDepartmentAsync(
            new UpdateDepartmentRequest { Department = new Department { Name = "provinces/12/department", DisplayName = "Sở KH&CN" }, UpdateMask = Mask("display_name") },
            suite.Province("20")));

        Assert.Equal("12", info.Metadata["province_code"]);
        Assert.Equal("provinces/12/department", info.Metadata["resource"]);
    }

    [Fact]
    public async Task OfficialHoldingACentralPost_NeedsTheMinistry()
    {
        var official = new Official
        {
            DisplayName = $"Cán bộ thử quyền ghi {Marker()}",
            Positions = { new Position { Role = PositionRole.Minister, Title = "Bộ trưởng", Organisation = "Bộ Khoa học và Công nghệ" } },
        };

        var info = await RefusedAsync(() => suite.Provinces.CreateOfficialAsync(new CreateOfficialRequest { Official = official }, suite.Province("12")));
        var created = await suite.Provinces.CreateOfficialAsync(new CreateOfficialRequest { Official = official }, suite.MinistryWriter);

        Assert.Equal("MINISTRY_REQUIRED", info.Type);
        Assert.StartsWith("officials/", created.Name, StringComparison.Ordinal);
    }
}
