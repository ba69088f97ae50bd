using Khcn.Tests.Infrastructure;
using Grpc.Core;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.V1;
using static Khcn.Provinces.Tests.Infrastructure.TestRecords;

namespace Khcn.Provinces.Tests.Departments;

/// <summary>GetDepartment and UpdateDepartment against the real service and the seeded departments.</summary>
public abstract class DepartmentApiTests(ProvincesServiceFixture service)
{
    private ProvincesService.ProvincesServiceClient Client => service.Client;

    [Fact]
    public async Task DepartmentShowsItsAbsorbedUnitsAndTodaysDirector()
    {
        var department = await Client.GetDepartmentAsync(new GetDepartmentRequest { Name = "provinces/20/department" });

        Assert.Equal("Sở Khoa học và Công nghệ tỉnh Lạng Sơn", department.DisplayName);
        Assert.Equal("officials/nguyen-thi-ha", department.Director);
        var absorbed = Assert.Single(department.AbsorbedUnits);
        Assert.Equal("55/2025/NĐ-CP", absorbed.LegalBasis);
        Assert.NotEqual("", department.Etag);
    }

    [Fact]
    public async Task DirectorAppointedUnderAClosedCodeHeadsTheMergedUnitsDepartment()
    {
        var department = await Client.GetDepartmentAsync(new GetDepartmentRequest { Name = "provinces/44/department" });

        Assert.Equal("officials/tran-ngoc-lan", department.Director);
    }

    [Fact]
    public async Task ProvinceWithoutARecordedDepartmentIsNotFound()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound,
            () => Client.GetDepartmentAsync(new GetDepartmentRequest { Name = "provinces/02/department" }));

        Assert.Equal("provinces/02/department", RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task DepartmentOfAnUnknownProvinceIsNotFound()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound,
            () => Client.GetDepartmentAsync(new GetDepartmentRequest { Name = "provinces/99/department" }));

        Assert.Equal("provinces/99", RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task UpdateChangesTheMaskedFieldsAndTheEtag()
    {
        var before = await Client.GetDepartmentAsync(new GetDepartmentRequest { Name = "provinces/22/department" });
        var change = new Department { Name = before.Name, Etag = before.Etag, Address = "Hạ Long, Quảng Ninh", DisplayName = "ignored" };

        var updated = await Client.UpdateDepartmentAsync(new UpdateDepartmentRequest { Department = change, UpdateMask = Mask("address") });

        Assert.Equal("Hạ Long, Quảng Ninh", updated.Address);
        Assert.Equal(before.DisplayName, updated.DisplayName);
        Assert.NotEqual(before.Etag, updated.Etag);
        Assert.Equal(updated, await Client.GetDepartmentAsync(new GetDepartmentRequest { Name = before.Name }));
    }

    [Fact]
    public async Task UpdateWithAStaleEtagIsAborted()
    {
        var before = await Client.GetDepartmentAsync(new GetDepartmentRequest { Name = "provinces/24/department" });
        await Client.UpdateDepartmentAsync(new UpdateDepartmentRequest
        {
            Department = new Department { Name = before.Name, Etag = before.Etag, Address = "Bắc Ninh" },
            UpdateMask = Mask("address"),
        });

        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () => Client.UpdateDepartmentAsync(new UpdateDepartmentRequest
        {
            Department = new Department { Name = before.Name, Etag = before.Etag, Address = "Bắc Giang" },
            UpdateMask = Mask("address"),
        }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(before.Name, RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task DirectorIsDerivedAndCannotBeUpdated()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateDepartmentAsync(new UpdateDepartmentRequest
        {
            Department = new Department { Name = "provinces/20/department", Director = "officials/chu-ngoc-anh" },
            UpdateMask = Mask("director"),
        }));

        Assert.Equal(["update_mask.paths[0]"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task UpdatedNameMustNotBeEmpty()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateDepartmentAsync(new UpdateDepartmentRequest
        {
            Department = new Department { Name = "provinces/20/department", DisplayName = " " },
            UpdateMask = Mask("display_name"),
        }));

        Assert.Equal(["department.display_name"], RpcErrorAssert.ViolatedFields(status));
    }
}

public sealed class DepartmentApiTestsOnSqlite(SqliteProvincesService service)
    : DepartmentApiTests(service), IClassFixture<SqliteProvincesService>;

public sealed class DepartmentApiTestsOnPostgreSql(PostgreSqlProvincesService service)
    : DepartmentApiTests(service), IClassFixture<PostgreSqlProvincesService>;
