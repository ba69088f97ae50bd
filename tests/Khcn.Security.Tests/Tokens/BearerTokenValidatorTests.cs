using System.Text;
using System.Text.Json.Nodes;
using Khcn.Security.Tokens;
using static Khcn.Security.Tests.Tokens.TokenScenario;

namespace Khcn.Security.Tests.Tokens;

public sealed class BearerTokenValidatorTests(TestKeys keys) : IClassFixture<TestKeys>
{
    [Theory]
    [InlineData("RS256")]
    [InlineData("PS256")]
    public async Task RsaTokenSignedByPythonIsAccepted(string algorithm)
    {
        var token = await PythonTokenMinter.MintAsync(algorithm, keys.Rsa, ValidClaims());

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        Assert.True(outcome.IsAccepted, outcome.Message);
        Assert.Equal("nguyen.van.a@hanoi.gov.vn", outcome.Caller.Subject);
        Assert.Equal("hanoi-dost-portal", outcome.Caller.ClientId);
    }

    [Fact]
    public async Task Es256TokenSignedByPythonIsAccepted()
    {
        var token = await PythonTokenMinter.MintAsync("ES256", keys.Ec, ValidClaims());

        var outcome = await Validator(keys.Ec.PublicKeyPath).ValidateAsync(token);

        Assert.True(outcome.IsAccepted, outcome.Message);
    }

    [Fact]
    public async Task TokenFromAnyConfiguredIssuerAndKeyIsAccepted()
    {
        var claims = ValidClaims();
        claims["iss"] = OtherTrustedIssuer;
        var token = await PythonTokenMinter.MintAsync("ES256", keys.Ec, claims);

        var outcome = await Validator(keys.Rsa.PublicKeyPath, keys.Ec.PublicKeyPath).ValidateAsync(token);

        Assert.True(outcome.IsAccepted, outcome.Message);
    }

    [Fact]
    public async Task KeyPublishedAsJwksVerifiesTokenWithMatchingKid()
    {
        var jwksPath = keys.PathFor("issuer.jwks.json");
        await File.WriteAllTextAsync(jwksPath, Jwks.Of(keys.Ec, "hanoi-2026"));
        var token = await PythonTokenMinter.MintAsync("ES256", keys.Ec, ValidClaims(), new JsonObject { ["kid"] = "hanoi-2026" });

        var outcome = await Validator(jwksPath).ValidateAsync(token);

        Assert.True(outcome.IsAccepted, outcome.Message);
    }

    [Fact]
    public async Task ChangedClaimWithOriginalSignatureIsBadSignature()
    {
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, ValidClaims());
        var tampered = ForgedTokens.WithPayloadChanged(token, payload => payload["khcn_provinces"] = new JsonArray("01", "79"));

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(tampered);

        AssertRejected(TokenRejectionReason.BadSignature, outcome, tampered);
    }

    [Fact]
    public async Task TokenSignedByUnconfiguredKeyIsBadSignature()
    {
        var token = await PythonTokenMinter.MintAsync("RS256", keys.OtherRsa, ValidClaims());

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        AssertRejected(TokenRejectionReason.BadSignature, outcome, token);
    }

    [Fact]
    public async Task TokenExpiredLongerAgoThanClockSkewIsExpired()
    {
        var claims = ValidClaims();
        claims["nbf"] = Seconds(Now.AddMinutes(-20));
        claims["exp"] = Seconds(Now - ClockSkew - TimeSpan.FromSeconds(1));
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, claims);

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        AssertRejected(TokenRejectionReason.Expired, outcome, token);
    }

    [Fact]
    public async Task TokenExpiredWithinClockSkewIsAccepted()
    {
        var claims = ValidClaims();
        claims["nbf"] = Seconds(Now.AddMinutes(-20));
        claims["exp"] = Seconds(Now - ClockSkew + TimeSpan.FromSeconds(1));
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, claims);

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        Assert.True(outcome.IsAccepted, outcome.Message);
    }

    [Fact]
    public async Task TokenWhoseNotBeforeIsBeyondClockSkewIsNotYetValid()
    {
        var claims = ValidClaims();
        claims["nbf"] = Seconds(Now + ClockSkew + TimeSpan.FromSeconds(1));
        claims["exp"] = Seconds(Now.AddMinutes(20));
        var token = await PythonTokenMinter.MintAsync("ES256", keys.Ec, claims);

        var outcome = await Validator(keys.Ec.PublicKeyPath).ValidateAsync(token);

        AssertRejected(TokenRejectionReason.NotYetValid, outcome, token);
    }

    [Fact]
    public async Task TokenFromUntrustedIssuerIsWrongIssuer()
    {
        var claims = ValidClaims();
        claims["iss"] = "https://idp.example.com";
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, claims);

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        AssertRejected(TokenRejectionReason.WrongIssuer, outcome, token);
    }

    [Fact]
    public async Task TokenForAnotherServiceIsWrongAudience()
    {
        var claims = ValidClaims();
        claims["aud"] = new JsonArray("khcn-provinces", "khcn-ip");
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, claims);

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        AssertRejected(TokenRejectionReason.WrongAudience, outcome, token);
    }

    [Fact]
    public async Task UnsignedTokenWithAlgNoneIsUnsupportedAlgorithm()
    {
        var token = ForgedTokens.Unsigned(ValidClaims());

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        AssertRejected(TokenRejectionReason.UnsupportedAlgorithm, outcome, token);
    }

    [Fact]
    public async Task Hs256KeyedWithThePublicKeyIsUnsupportedAlgorithm()
    {
        // The classic confusion attack: the public key is public, so anyone can compute this "signature".
        var token = ForgedTokens.Hs256(ValidClaims(), Encoding.ASCII.GetBytes(keys.Rsa.PublicKeyPem));

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        AssertRejected(TokenRejectionReason.UnsupportedAlgorithm, outcome, token);
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("sub")]
    [InlineData("client_id")]
    public async Task TokenWithoutRequiredClaimIsMissingClaim(string claim)
    {
        var claims = ValidClaims();
        claims.Remove(claim);
        var token = await PythonTokenMinter.MintAsync("RS256", keys.Rsa, claims);

        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        AssertRejected(TokenRejectionReason.MissingClaim, outcome, token);
        Assert.Contains(claim, outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30")]
    public async Task UnreadableTokenIsMalformed(string token)
    {
        var outcome = await Validator(keys.Rsa.PublicKeyPath).ValidateAsync(token);

        Assert.False(outcome.IsAccepted);
        Assert.Equal("MALFORMED", outcome.ReasonCode);
    }

    private static void AssertRejected(TokenRejectionReason expected, TokenValidationOutcome outcome, string token)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Equal(expected, outcome.Rejection);
        foreach (var part in token.Split('.').Where(part => part.Length > 0))
        {
            Assert.DoesNotContain(part, outcome.Message, StringComparison.Ordinal);
        }
    }
}
