using System.Text.Json.Nodes;
using Khcn.Security.Tokens;
using static Khcn.Security.Tests.Tokens.TokenScenario;

namespace Khcn.Security.Tests.Tokens;

/// <summary>
/// The validated-token cache may only save work: every decision it serves must be the one full validation would take
/// at that instant. Real RS256 tokens (PyJWT), a clock the tests move.
/// </summary>
public sealed class ValidatedTokenCacheTests(TestKeys keys) : IClassFixture<TestKeys>
{
    [Fact]
    public async Task RememberedTokenIsRefusedOnceItExpiresPastTheClockSkew()
    {
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, ValidClaims());
        var clock = new MovableClock(Now);
        var validator = CachingValidator(clock);
        Assert.True((await validator.ValidateAsync(token)).IsAccepted);
        Assert.Equal(1, validator.CachedTokenCount);

        clock.Now = Now.AddMinutes(10) + ClockSkew;
        Assert.True((await validator.ValidateAsync(token)).IsAccepted);

        clock.Now = Now.AddMinutes(10) + ClockSkew + TimeSpan.FromSeconds(1);
        var outcome = await validator.ValidateAsync(token);

        Assert.False(outcome.IsAccepted);
        Assert.Equal(TokenRejectionReason.Expired, outcome.Rejection);
        Assert.Equal(0, validator.CachedTokenCount);
    }

    [Fact]
    public async Task TamperedCopyOfARememberedTokenIsNeverServedFromTheCache()
    {
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, ValidClaims());
        var validator = CachingValidator(new MovableClock(Now));
        Assert.True((await validator.ValidateAsync(token)).IsAccepted);

        var widerProvinces = ForgedTokens.WithPayloadChanged(token, payload => payload["khcn_provinces"] = new JsonArray("01", "79"));
        var otherSignature = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.Equal(TokenRejectionReason.BadSignature, (await validator.ValidateAsync(widerProvinces)).Rejection);
        Assert.False((await validator.ValidateAsync(otherSignature)).IsAccepted);
        Assert.Equal(1, validator.CachedTokenCount);
        Assert.Equal(["01"], (await validator.ValidateAsync(token)).Caller!.Provinces);
    }

    [Fact]
    public async Task RejectedTokenIsNotRemembered()
    {
        var claims = ValidClaims();
        claims["aud"] = "khcn-ip";
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, claims);
        var validator = CachingValidator(new MovableClock(Now));

        Assert.Equal(TokenRejectionReason.WrongAudience, (await validator.ValidateAsync(token)).Rejection);
        Assert.Equal(TokenRejectionReason.WrongAudience, (await validator.ValidateAsync(token)).Rejection);
        Assert.Equal(0, validator.CachedTokenCount);
    }

    [Fact]
    public async Task CacheHoldsAtMostMaxEntriesAndStillAcceptsTokensBeyondIt()
    {
        var tokens = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var claims = ValidClaims();
            claims["sub"] = $"caller-{i}@hanoi.gov.vn";
            tokens.Add(await PythonTokenMinter.MintAsync("RS256", keys.Rsa, claims));
        }

        var validator = CachingValidator(new MovableClock(Now), maxEntries: 3);
        foreach (var token in tokens)
        {
            Assert.True((await validator.ValidateAsync(token)).IsAccepted);
        }

        Assert.Equal(3, validator.CachedTokenCount);
        Assert.Equal("caller-4@hanoi.gov.vn", (await validator.ValidateAsync(tokens[4])).Caller!.Subject);
    }

    [Fact]
    public async Task FullCacheMakesRoomByDroppingExpiredEntries()
    {
        var clock = new MovableClock(Now);
        var validator = CachingValidator(clock, maxEntries: 1);
        var shortLived = ValidClaims();
        shortLived["exp"] = Seconds(Now.AddMinutes(1));
        Assert.True((await validator.ValidateAsync(await PythonTokenMinter.MintAsync("RS256", keys.Rsa, shortLived))).IsAccepted);

        clock.Now = Now.AddMinutes(3);
        var later = ValidClaims();
        later["exp"] = Seconds(Now.AddMinutes(30));
        Assert.True((await validator.ValidateAsync(await PythonTokenMinter.MintAsync("RS256", keys.Rsa, later))).IsAccepted);

        Assert.Equal(1, validator.CachedTokenCount);
    }

    [Fact]
    public async Task ZeroMaxEntriesTurnsTheCacheOff()
    {
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, ValidClaims());
        var validator = CachingValidator(new MovableClock(Now), maxEntries: 0);

        Assert.True((await validator.ValidateAsync(token)).IsAccepted);
        Assert.Equal(0, validator.CachedTokenCount);
    }

    private BearerTokenValidator CachingValidator(TimeProvider clock, int maxEntries = 100, TimeSpan? maxAge = null)
    {
        var options = Options(keys.Rsa.PublicKeyPath);
        options.TokenCache = new ValidatedTokenCacheOptions
        {
            MaxEntries = maxEntries,
            MaxAge = maxAge ?? ValidatedTokenCacheOptions.DefaultMaxAge,
        };
        return new BearerTokenValidator(options, clock);
    }
}
