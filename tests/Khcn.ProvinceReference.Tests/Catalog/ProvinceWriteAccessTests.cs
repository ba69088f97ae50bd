using Grpc.Core;
using Google.Rpc;
using Grpc.StatusProto;
using Khcn.Provinces.V1;
using Khcn.Security;
using Khcn.ServiceDefaults.Security;
using Date = Google.Type.Date;

namespace Khcn.ProvinceReference.Tests.Catalog;

/// <summary>
/// <see cref="ProvinceWriteAccess"/> over a catalog in the shape ListProvinces returns: Quảng Bình (44) and Quảng Trị
/// (45) merged on 2025-07-01 into today's Quảng Trị, which kept code 44; Lạng Sơn (20) unchanged.
/// </summary>
public sealed class ProvinceWriteAccessTests
{
    private static readonly Date LastDayBeforeMerger = new() { Year = 2025, Month = 6, Day = 30 };
    private static readonly Date MergerDay = new() { Year = 2025, Month = 7, Day = 1 };

    private static readonly ProvinceCatalog Catalog = new(
    [
        new Province { Name = "provinces/20", Code = "20", DisplayName = "Lạng Sơn" },
        new Province { Name = "provinces/44", Code = "44", DisplayName = "Quảng Trị", ValidFrom = MergerDay },
        new Province { Name = "provinces/44", Code = "44", DisplayName = "Quảng Bình", ValidTo = LastDayBeforeMerger, SuccessorCode = "44" },
        new Province { Name = "provinces/45", Code = "45", DisplayName = "Quảng Trị (cũ)", ValidTo = LastDayBeforeMerger, SuccessorCode = "44" },
    ]);

    [Fact]
    public async Task GrantOfTheMergedUnit_WritesUnderTheClosedCode()
    {
        var access = AccessFor(Caller(["tasks.write"], ["44"]));

        Assert.Null(await access.CheckAsync("tasks/a", ["45"], CancellationToken.None));
        Assert.Null(await access.CheckAsync("tasks/a", ["44", "45"], CancellationToken.None));
    }

    [Fact]
    public async Task ForeignProvince_IsRefusedNamingTheCodeAndTheResource()
    {
        var access = AccessFor(Caller(["tasks.write"], ["44"]));

        var refusal = await access.CheckAsync("tasks/a", ["45", "20"], CancellationToken.None);

        Assert.NotNull(refusal);
        Assert.Equal(Khcn.Aip.ApiErrorCode.PermissionDenied, refusal.Code);
        Assert.Equal(ProvinceWriteErrors.ProvinceNotGrantedReason, refusal.Reason);
        Assert.Equal("20", refusal.Metadata["province_code"]);
        Assert.Equal("tasks/a", refusal.Metadata["resource"]);
    }

    [Fact]
    public async Task RecordOfNoProvince_NeedsTheMinistry()
    {
        var province = AccessFor(Caller(["tasks.write"], ["20"]));
        var ministry = AccessFor(Caller([KhcnClaims.Scopes.Ministry, "tasks.write"], []));

        var refusal = await province.CheckAsync("programmes/p", [""], CancellationToken.None);

        Assert.Equal(ProvinceWriteErrors.MinistryRequiredReason, refusal?.Reason);
        Assert.Null(await ministry.CheckAsync("programmes/p", [null], CancellationToken.None));
        Assert.Null(await ministry.CheckAsync("tasks/a", ["20", "45"], CancellationToken.None));
    }

    [Fact]
    public async Task WithoutAnAuthenticatedCaller_NothingIsChecked()
    {
        var access = AccessFor(null);

        Assert.False(access.IsEnforced);
        Assert.Null(await access.CheckAsync("programmes/p", ["", "20"], CancellationToken.None));
    }

    [Fact]
    public async Task Demand_ThrowsPermissionDeniedWithErrorInfoInTheSuiteDomain()
    {
        var access = AccessFor(Caller(["tasks.write"], ["20"]));

        var error = await Assert.ThrowsAsync<RpcException>(() => access.DemandAsync("tasks/a", "44", CancellationToken.None));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var info = error.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("khcn.gov.vn", info.Domain);
        Assert.Equal("PROVINCE_NOT_GRANTED", info.Type);
        Assert.Equal("44", info.Metadata["province_code"]);
    }

    private static ProvinceWriteAccess AccessFor(CallerIdentity? caller) =>
        new(KhcnClaims.Services.Tasks, new FixedCaller(caller), Catalog.LineageOf);

    private static CallerIdentity Caller(string[] scopes, string[] provinces) =>
        new("can-bo@so-khcn.gov.vn", "dost-portal", scopes, provinces);

    /// <summary>The caller a call would have been authenticated as.</summary>
    private sealed class FixedCaller(CallerIdentity? caller) : ICallerContext
    {
        public CallerIdentity? Current => caller;
    }
}
