using Khcn.Security.Tokens;

namespace Khcn.Security.Tests.Tokens;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("BEARER abc.def.ghi", "abc.def.ghi")]
    [InlineData("Bearer   abc.def.ghi  ", "abc.def.ghi")]
    [InlineData("Bearer mF_9.B5f-4.1JqM", "mF_9.B5f-4.1JqM")]
    [InlineData("Bearer a+b/c==", "a+b/c==")]
    public void BearerSchemeInAnyCaseYieldsTheToken(string header, string expected)
    {
        Assert.True(BearerToken.TryRead(header, out var token));
        Assert.Equal(expected, token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearerabc.def.ghi")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer abc def")]
    [InlineData("Bearer abc,def")]
    [InlineData("Bearer ====")]
    [InlineData("Bearer a=b")]
    [InlineData("Bearer\tabc")]
    public void AnythingButBearerAndOneB64TokenIsRefused(string? header)
    {
        Assert.False(BearerToken.TryRead(header, out var token));
        Assert.Equal("", token);
    }
}
