using System.Text.Json.Nodes;
using Khcn.Security.Tokens;
using static Khcn.Security.Tests.Tokens.TokenScenario;

namespace Khcn.Security.Tests.Tokens;

/// <summary>How the claims of a real, python-minted token become a <see cref="CallerIdentity"/>.</summary>
public sealed class CallerIdentityClaimsTests(TestKeys keys) : IClassFixture<TestKeys>
{
    [Fact]
    public async Task SpaceSeparatedScopeStringGivesEachScope()
    {
        var caller = await CallerWith(claims => claims["scope"] = "provinces.read  tasks.read audit.read");

        Assert.Equal(["audit.read", "provinces.read", "tasks.read"], caller.Scopes.Order());
    }

    [Fact]
    public async Task ScpArrayGivesEachScope()
    {
        var caller = await CallerWith(claims =>
        {
            claims.Remove("scope");
            claims["scp"] = new JsonArray("ip.read", "ip.write");
        });

        Assert.Equal(["ip.read", "ip.write"], caller.Scopes.Order());
    }

    [Fact]
    public async Task ScopeAndScpAreMerged()
    {
        var caller = await CallerWith(claims =>
        {
            claims["scope"] = "tasks.read";
            claims["scp"] = new JsonArray("ip.read");
        });

        Assert.Equal(["ip.read", "tasks.read"], caller.Scopes.Order());
    }

    [Fact]
    public async Task KhcnProvincesArrayGivesEachProvinceCode()
    {
        var caller = await CallerWith(claims => claims["khcn_provinces"] = new JsonArray("01", "79", "92"));

        Assert.Equal(["01", "79", "92"], caller.Provinces.Order());
        Assert.True(caller.MayWrite(KhcnClaims.Services.Tasks, "79"));
        Assert.False(caller.MayWrite(KhcnClaims.Services.Tasks, "48"));
    }

    [Fact]
    public async Task TokenWithoutProvincesMayWriteNowhere()
    {
        var caller = await CallerWith(claims => claims.Remove("khcn_provinces"));

        Assert.Empty(caller.Provinces);
        Assert.False(caller.MayWrite(KhcnClaims.Services.Tasks, "01"));
    }

    [Fact]
    public async Task MinistryScopeReadsEveryService()
    {
        var caller = await CallerWith(claims =>
        {
            claims["scope"] = "khcn.ministry";
            claims.Remove("khcn_provinces");
        });

        Assert.True(caller.IsMinistry);
        Assert.All(
            [KhcnClaims.Services.Provinces, KhcnClaims.Services.Tasks, KhcnClaims.Services.IntellectualProperty, KhcnClaims.Services.Audit],
            service => Assert.True(caller.MayRead(service), service));
    }

    private async Task<CallerIdentity> CallerWith(Action<JsonObject> change)
    {
        var claims = ValidClaims();
        change(claims);
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, claims);
        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);
        Assert.True(outcome.IsAccepted, outcome.Message);
        return outcome.Caller;
    }
}
