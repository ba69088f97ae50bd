namespace Khcn.Security.Tests;

public sealed class CallerIdentityTests
{
    [Fact]
    public void ReadingAServiceNeedsItsReadScope()
    {
        var caller = Caller(["tasks.read"], []);

        Assert.True(caller.MayRead(KhcnClaims.Services.Tasks));
        Assert.False(caller.MayRead(KhcnClaims.Services.IntellectualProperty));
    }

    [Fact]
    public void WritingNeedsTheWriteScopeAndTheProvince()
    {
        var caller = Caller(["tasks.write"], ["01"]);

        Assert.True(caller.MayWrite(KhcnClaims.Services.Tasks, "01"));
        Assert.False(caller.MayWrite(KhcnClaims.Services.Tasks, "79"));
        Assert.False(caller.MayWrite(KhcnClaims.Services.IntellectualProperty, "01"));
    }

    [Fact]
    public void WriteScopeDoesNotGrantRead()
    {
        Assert.False(Caller(["tasks.write"], ["01"]).MayRead(KhcnClaims.Services.Tasks));
    }

    [Fact]
    public void MinistryReadsEverythingButWritesNothingByItself()
    {
        var ministry = Caller([KhcnClaims.Scopes.Ministry], []);

        Assert.True(ministry.IsMinistry);
        Assert.True(ministry.MayRead(KhcnClaims.Services.Audit));
        Assert.True(ministry.MayRead(KhcnClaims.Services.Provinces));
        Assert.False(ministry.MayWrite(KhcnClaims.Services.Tasks, "01"));
    }

    [Fact]
    public void ScopesAndProvincesAreCaseSensitive()
    {
        var caller = Caller(["Tasks.Read"], ["01"]);

        Assert.False(caller.HasScope("tasks.read"));
        Assert.False(caller.MayWrite(KhcnClaims.Services.Tasks, "1"));
    }

    private static CallerIdentity Caller(string[] scopes, string[] provinces) =>
        new("someone@hanoi.gov.vn", "hanoi-dost-portal", scopes, provinces);
}
