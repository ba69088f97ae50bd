namespace Khcn.Security.Tests;

/// <summary>
/// The province rule of writes: the write scope, then the record's province within the lineage of a granted code, or
/// the Ministry; a record of no province is the Ministry's.
/// </summary>
public sealed class CallerIdentityWriteTests
{
    // Today's 44 covers the closed 45 (Quảng Trị, merged on 1 July 2025); 20 stands alone.
    private static IEnumerable<string> Lineage(string code) => code is "44" or "45" ? ["44", "45"] : [code];

    [Fact]
    public void GrantOfTheMergedUnit_CoversItsHistoricalCode()
    {
        var caller = Caller(["tasks.write"], ["44"]);

        Assert.True(caller.MayWrite(KhcnClaims.Services.Tasks, "45", Lineage));
        Assert.True(caller.MayWrite(KhcnClaims.Services.Tasks, "44", Lineage));
        Assert.False(caller.MayWrite(KhcnClaims.Services.Tasks, "20", Lineage));
    }

    [Fact]
    public void GrantOfOnlyTheClosedCode_CoversItsSuccessor()
    {
        Assert.True(Caller(["tasks.write"], ["45"]).MayWrite(KhcnClaims.Services.Tasks, "44", Lineage));
    }

    [Fact]
    public void WithoutLineage_AGrantCoversExactlyItsCode()
    {
        var caller = Caller(["tasks.write"], ["44"]);

        Assert.True(caller.MayWrite(KhcnClaims.Services.Tasks, "44"));
        Assert.False(caller.MayWrite(KhcnClaims.Services.Tasks, "45"));
    }

    [Fact]
    public void LineageGrantsNothingWithoutTheWriteScope()
    {
        Assert.False(Caller(["tasks.read", "ip.write"], ["44"]).MayWrite(KhcnClaims.Services.Tasks, "45", Lineage));
    }

    [Fact]
    public void MinistryWithTheWriteScope_WritesEveryProvinceAndNationalRecords()
    {
        var ministry = Caller([KhcnClaims.Scopes.Ministry, "tasks.write"], []);

        Assert.True(ministry.MayWrite(KhcnClaims.Services.Tasks, "20", Lineage));
        Assert.True(ministry.MayWrite(KhcnClaims.Services.Tasks, "", Lineage));
        Assert.True(ministry.MayWriteNational(KhcnClaims.Services.Tasks));
        Assert.False(ministry.MayWriteNational(KhcnClaims.Services.IntellectualProperty));
    }

    [Fact]
    public void MinistryWithoutTheWriteScope_WritesNothing()
    {
        var ministry = Caller([KhcnClaims.Scopes.Ministry], ["20"]);

        Assert.False(ministry.MayWrite(KhcnClaims.Services.Tasks, "20", Lineage));
        Assert.False(ministry.MayWriteNational(KhcnClaims.Services.Tasks));
    }

    [Fact]
    public void NationalRecords_AreNotWrittenByAProvince()
    {
        var caller = Caller(["tasks.write"], ["20", "44"]);

        Assert.False(caller.MayWrite(KhcnClaims.Services.Tasks, "", Lineage));
        Assert.False(caller.MayWriteNational(KhcnClaims.Services.Tasks));
    }

    private static CallerIdentity Caller(string[] scopes, string[] provinces) =>
        new("can-bo@so-khcn.gov.vn", "dost-portal", scopes, provinces);
}
