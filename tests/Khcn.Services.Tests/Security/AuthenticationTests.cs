using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Services.Tests.Security;

/// <summary>With issuers configured, a gRPC call needs a valid bearer token; a refusal says why, never echoing the token.</summary>
public sealed class AuthenticationTests(SecuredSuiteFixture suite) : IClassFixture<SecuredSuiteFixture>
{
    private ProvincesService.ProvincesServiceClient Provinces => new(suite.Provinces);

    [Fact]
    public async Task CallWithoutToken_IsUnauthenticated_TokenMissing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Provinces.ListProvincesAsync(new ListProvincesRequest(), SecuredCalls.Anonymous).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        var info = SecuredCalls.ErrorInfoOf(error);
        Assert.Equal("TOKEN_MISSING", info.Type);
        Assert.Equal("khcn.gov.vn", info.Domain);
    }

    [Fact]
    public async Task CallWithNonBearerAuthorization_IsUnauthenticated_TokenMissing()
    {
        var options = SecuredCalls.Anonymous.WithHeaders(new Metadata { { "authorization", "Basic dXNlcjpwYXNz" } });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Provinces.ListProvincesAsync(new ListProvincesRequest(), options).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("TOKEN_MISSING", SecuredCalls.ErrorInfoOf(error).Type);
    }

    [Fact]
    public async Task ExpiredToken_IsUnauthenticated_Expired()
    {
        // Well past the default 60 s clock skew.
        var token = suite.Keys.Mint(new TokenShape([Khcn.Security.KhcnClaims.Scopes.Ministry]) { ExpiresIn = TimeSpan.FromMinutes(-10) });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Provinces.ListProvincesAsync(new ListProvincesRequest(), SecuredCalls.WithToken(token)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        var info = SecuredCalls.ErrorInfoOf(error);
        Assert.Equal("EXPIRED", info.Type);
        Assert.Equal("khcn.gov.vn", info.Domain);
        AssertNoTokenIn(error, token);
    }

    [Fact]
    public async Task TokenWithRewrittenScopes_IsUnauthenticated_BadSignature()
    {
        var genuine = suite.Keys.Mint("tasks.read");
        var tampered = TamperedToken.WithScope(genuine, "khcn.ministry");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Provinces.ListProvincesAsync(new ListProvincesRequest(), SecuredCalls.WithToken(tampered)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("BAD_SIGNATURE", SecuredCalls.ErrorInfoOf(error).Type);
        AssertNoTokenIn(error, tampered);
    }

    [Fact]
    public async Task TokenSignedByUnconfiguredKey_IsUnauthenticated_BadSignature()
    {
        var token = suite.Keys.Mint(new TokenShape(["provinces.read"]) { Signer = TokenSigner.Unknown });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Provinces.ListProvincesAsync(new ListProvincesRequest(), SecuredCalls.WithToken(token)).ResponseAsync);

        Assert.Equal("BAD_SIGNATURE", SecuredCalls.ErrorInfoOf(error).Type);
    }

    [Fact]
    public async Task TokenSignedWithConfiguredEcKey_IsAccepted()
    {
        var token = suite.Keys.Mint(new TokenShape(["provinces.read"]) { Signer = TokenSigner.Ec });

        var response = await Provinces.ListProvincesAsync(new ListProvincesRequest(), SecuredCalls.WithToken(token));

        Assert.NotEmpty(response.Provinces);
    }

    private static void AssertNoTokenIn(RpcException error, string token)
    {
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(signature, error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, error.Trailers.ToString(), StringComparison.Ordinal);
    }
}
