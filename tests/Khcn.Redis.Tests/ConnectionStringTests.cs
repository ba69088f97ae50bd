namespace Khcn.Redis.Tests;

public class ConnectionStringTests
{
    [Fact]
    public void AspireForm_IsParsed()
    {
        var options = RedisOptions.Parse("cache.internal:6380,password=s3cret,user=app,ssl=true,defaultDatabase=2,connectTimeout=1500,syncTimeout=750,abortConnect=false");
        Assert.Equal("cache.internal", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Equal("s3cret", options.Password);
        Assert.Equal("app", options.User);
        Assert.True(options.Ssl);
        Assert.Equal(2, options.DefaultDatabase);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(750), options.CommandTimeout);
        Assert.False(options.AbortOnConnectFail);
    }

    [Fact]
    public void HostWithoutPort_UsesDefaultPort() => Assert.Equal(6379, RedisOptions.Parse("localhost").Port);

    [Fact]
    public void BracketedIpv6Endpoint_IsParsed()
    {
        var options = RedisOptions.Parse("[::1]:7000");
        Assert.Equal("::1", options.Host);
        Assert.Equal(7000, options.Port);
    }

    [Fact]
    public void KeysAreCaseInsensitive_AndPasswordMayContainEquals() =>
        Assert.Equal("a=b", RedisOptions.Parse("h:1,PASSWORD=a=b").Password);

    [Fact]
    public void StackExchangeOnlyOptions_AreAccepted() =>
        Assert.Equal("h", RedisOptions.Parse("h:1,allowAdmin=true,connectRetry=3").Host);

    [Theory]
    [InlineData("h:1,bogus=1")]
    [InlineData("h:notaport")]
    [InlineData("h:1,ssl=maybe")]
    [InlineData("h:1,defaultDatabase=-1")]
    [InlineData("password=x")]
    public void InvalidConnectionString_IsRejected(string connectionString) =>
        Assert.Throws<FormatException>(() => RedisOptions.Parse(connectionString));

    [Fact]
    public void ToString_NeverShowsThePassword() => Assert.DoesNotContain("s3cret", RedisOptions.Parse("h:1,password=s3cret").ToString());
}
